package org.identityledger.infrastructure.crypto;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * CSPRNG bytes without a global lock: the default Linux SecureRandom (NativePRNG) serialises every
 * caller on one monitor, which showed up as the main lock contention of the refresh benchmark.
 * Each thread gets its own DRBG (NIST SP 800-90A Hash_DRBG, seeded from the OS).
 */
public final class Randomness {

    private static final ThreadLocal<SecureRandom> PER_THREAD = ThreadLocal.withInitial(() -> {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException missing) {
            return new SecureRandom();
        }
    });

    private Randomness() {
    }

    public static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        PER_THREAD.get().nextBytes(bytes);
        return bytes;
    }
}
