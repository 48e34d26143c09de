package org.identityledger.infrastructure.crypto;

import org.bouncycastle.crypto.params.Argon2Parameters;
import org.identityledger.command.common.PasswordHasher;
import org.identityledger.command.port.PasswordHashingBusyException;
import org.identityledger.infrastructure.config.IdentityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Argon2id, PHC string format, parameters from {@code identity.password.*}. Each hash holds its
 * full memory cost (19 MiB by default), so at most identity.password.max-concurrent-hashes run at
 * once: a login flood queues for CPU instead of exhausting memory, and on a saturated machine
 * running more at once would not be faster anyway. The queue is a bulkhead with a short maximum wait
 * (identity.password.max-hash-wait, 1 s): a caller that cannot get a slot in time is refused with
 * {@link PasswordHashingBusyException} instead of holding a request thread, so a flood cannot take
 * every thread, and a request its client abandoned is not hashed long after it was given up on.
 *
 * <p>The hash runs on one of as many hashing threads as there are slots, not on the request thread:
 * the native implementation's memory then stays in those threads' few malloc arenas (see
 * {@link NativeArgon2}), like the Java fallback's block pool. Hashes are PHC strings, the same ones
 * Spring Security's {@code Argon2PasswordEncoder} wrote before, so stored hashes keep verifying.
 */
@Component
public class Argon2PasswordHasher implements PasswordHasher, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Argon2PasswordHasher.class);
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    static final Duration HASHING_THREAD_IDLE = Duration.ofSeconds(10);

    private final IdentityProperties.Password settings;
    private final Argon2Derivation argon2;
    private final Semaphore permits;
    private final ExecutorService hashingThreads;
    private final long maxWaitNanos;
    /** A real hash of nothing anyone knows, so unknown accounts cost exactly one verification. */
    private final String decoyHash;

    @Autowired
    public Argon2PasswordHasher(IdentityProperties properties) {
        this(properties, fastestAvailable(slots(properties.getPassword()) * properties.getPassword().getArgon2MemoryKib()));
    }

    Argon2PasswordHasher(IdentityProperties properties, Argon2Derivation argon2) {
        this(properties, argon2, HASHING_THREAD_IDLE);
    }

    Argon2PasswordHasher(IdentityProperties properties, Argon2Derivation argon2, Duration hashingThreadIdle) {
        this.settings = properties.getPassword();
        this.argon2 = argon2;
        int slots = slots(settings);
        // Fair, so the wait is first come, first served and the oldest waiter is the one refused last.
        this.permits = new Semaphore(slots, true);
        // One thread per permit: a task that holds a permit never waits for a thread. A thread idle for
        // HASHING_THREAD_IDLE ends and gives back the hash memory it kept (NativeArgon2.WorkingMemory):
        // a burst of logins pays one page-in per thread, an idle service does not hold 19 MiB per core.
        ThreadPoolExecutor pool = new ThreadPoolExecutor(slots, slots, hashingThreadIdle.toMillis(), TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), new HashingThreads());
        pool.allowCoreThreadTimeOut(true);
        this.hashingThreads = pool;
        this.maxWaitNanos = settings.getMaxHashWait().toNanos();
        this.decoyHash = hash(UUID.randomUUID().toString());
    }

    private static int slots(IdentityProperties.Password settings) {
        return settings.getMaxConcurrentHashes() > 0 ? settings.getMaxConcurrentHashes()
                : Runtime.getRuntime().availableProcessors();
    }

    private static Argon2Derivation fastestAvailable(int fallbackPoolKib) {
        try {
            return NativeArgon2.load();
        } catch (RuntimeException | LinkageError unavailable) {
            LOG.warn("The native Argon2 library cannot be loaded here ({}); passwords are hashed in Java, "
                    + "which takes about 1.4 times as long", unavailable.toString());
            return new BouncyCastleArgon2(fallbackPoolKib);
        }
    }

    /** Which implementation hashes here, for tests. */
    String implementation() {
        return argon2 instanceof NativeArgon2 ? "native" : "java";
    }

    @Override
    public String hash(CharSequence password) {
        byte[] salt = new byte[SALT_BYTES];
        Randomness.current().nextBytes(salt);
        Argon2HashString shape = new Argon2HashString(Argon2Parameters.ARGON2_id, Argon2Parameters.ARGON2_VERSION_13,
                settings.getArgon2MemoryKib(), settings.getArgon2Iterations(), settings.getArgon2Parallelism(), salt, new byte[0]);
        byte[] encoded = utf8(password);
        if (encoded == null) {
            throw new IllegalArgumentException("a password must be well-formed Unicode");
        }
        return shape.withHash(derive(encoded, shape, HASH_BYTES)).encoded();
    }

    @Override
    public boolean matches(CharSequence password, String storedHash) {
        Argon2HashString stored;
        try {
            stored = Argon2HashString.parse(storedHash);
        } catch (IllegalArgumentException notArgon2) {
            return false;
        }
        byte[] encoded = utf8(password);
        if (encoded == null) {
            // No stored hash can be of such a password (hash refuses them); cost the same all the same.
            spendEquivalentWork("");
            return false;
        }
        return MessageDigest.isEqual(stored.hash(), derive(encoded, stored, stored.hash().length));
    }

    @Override
    public void spendEquivalentWork(CharSequence password) {
        matches(password, decoyHash);
    }

    @Override
    public void close() {
        hashingThreads.shutdownNow();
    }

    /**
     * Strict UTF-8, as Bouncy Castle encoded the characters before: a lone surrogate is not turned
     * into '?', which would make two different passwords one. Null where the text is not Unicode.
     */
    private static byte[] utf8(CharSequence password) {
        try {
            ByteBuffer bytes = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(password));
            return Arrays.copyOf(bytes.array(), bytes.limit());
        } catch (CharacterCodingException notUnicode) {
            return null;
        }
    }

    private byte[] derive(byte[] password, Argon2HashString shape, int length) {
        acquire();
        Future<byte[]> derived;
        try {
            derived = hashingThreads.submit(() -> {
                try {
                    return argon2.derive(password, shape, length);
                } finally {
                    Arrays.fill(password, (byte) 0);
                    permits.release();
                }
            });
        } catch (RuntimeException rejected) {
            permits.release();
            throw new PasswordHashingBusyException();
        }
        try {
            return derived.get();
        } catch (InterruptedException interrupted) {
            // The hash finishes on its own thread and gives its permit back; this caller gives up.
            Thread.currentThread().interrupt();
            throw new PasswordHashingBusyException();
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        }
    }

    private void acquire() {
        try {
            if (!permits.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS)) {
                throw new PasswordHashingBusyException();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new PasswordHashingBusyException();
        }
    }

    private static final class HashingThreads implements ThreadFactory {

        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable work) {
            Thread thread = new Thread(() -> {
                try {
                    work.run();
                } finally {
                    NativeArgon2.WorkingMemory.releaseThisThreads();
                }
            }, "password-hashing-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
