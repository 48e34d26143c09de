package org.identityledger.command.common;

/** Argon2id behind a port, so the domain decides and infrastructure burns the CPU. */
public interface PasswordHasher {

    String hash(CharSequence password);

    boolean matches(CharSequence password, String storedHash);

    /** Costs the same as a real verification; used when there is no account to verify against. */
    void spendEquivalentWork(CharSequence password);
}
