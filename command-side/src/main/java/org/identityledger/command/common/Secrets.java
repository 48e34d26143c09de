package org.identityledger.command.common;

/**
 * Mints 256-bit secrets (session cookies, one-time tokens) and derives the only form the ledger
 * keeps of them: the SHA-256 hash.
 */
public interface Secrets {

    IssuedSecret issue();

    String hash(String rawSecret);

    /** Whether a presented value has the shape of one of our secrets (43 base64url characters). */
    static boolean isWellFormed(String raw) {
        return raw != null && raw.matches("[A-Za-z0-9_-]{43}");
    }

    /** A fresh secret and its hash; the raw value must never reach an event or a table. */
    record IssuedSecret(String raw, String hash) {
        @Override
        public String toString() {
            return "IssuedSecret[hash=" + hash + "]";
        }
    }
}
