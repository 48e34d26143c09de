package org.identityledger.infrastructure.crypto;

import java.security.NoSuchAlgorithmException;
import org.bouncycastle.crypto.CryptoServicesRegistrar;
import org.bouncycastle.crypto.SecureRandomProvider;

import java.security.SecureRandom;

/**
 * CSPRNG bytes without a global lock: the default Linux SecureRandom (NativePRNG) serialises every
 * caller on one monitor, which showed up as the main lock contention of the refresh benchmark.
 * Each thread gets its own DRBG (NIST SP 800-90A Hash_DRBG, seeded from the OS). The libraries on
 * the hot path draw from it too: Axon's message identifiers ({@link MessageIdentifiers}) and
 * BouncyCastle's blinding while it signs ({@link #serveBouncyCastle()}); both otherwise took the
 * NativePRNG monitor several times per refresh, and waits of 10 ms and more on it were one in a
 * hundred refreshes under load (a flight recording of the refresh benchmark).
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

    /** This thread's own generator; never hand it to another thread. */
    public static SecureRandom current() {
        return PER_THREAD.get();
    }

    /**
     * Makes BouncyCastle's default SecureRandom (what it uses where no caller passes one, such as the
     * blinding of field inversions in every P-256 signature) this thread's generator. Idempotent.
     */
    public static void serveBouncyCastle() {
        CryptoServicesRegistrar.setSecureRandomProvider(new BouncyCastleProvider());
    }

    /**
     * A named class, not a method reference: JDK 17 crashes writing the launcher's class-data
     * archive (SIGSEGV in SystemDictionaryShared::adjust_lambda_proxy_class_dictionary) when a
     * lambda implements an interface from a signed jar such as BouncyCastle's, and the archive is
     * then silently missing (ClassDataArchiveIT guards it).
     */
    private static final class BouncyCastleProvider implements SecureRandomProvider {
        @Override
        public SecureRandom get() {
            return current();
        }
    }

    public static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        PER_THREAD.get().nextBytes(bytes);
        return bytes;
    }
}
