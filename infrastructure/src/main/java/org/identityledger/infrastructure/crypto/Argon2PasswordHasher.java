package org.identityledger.infrastructure.crypto;

import org.identityledger.command.common.PasswordHasher;
import org.identityledger.infrastructure.config.IdentityProperties;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Argon2id, PHC string format, parameters from {@code identity.password.*}. Each hash holds its
 * full memory cost (19 MiB by default), so at most identity.password.max-concurrent-hashes run at
 * once: a login flood queues for CPU instead of exhausting the heap, and on a saturated machine
 * running more at once would not be faster anyway. The queue is a bulkhead with a short maximum wait
 * (identity.password.max-hash-wait, 1 s): a caller that cannot get a slot in time is refused with
 * {@link PasswordHashingBusyException} instead of holding a request thread, so a flood cannot take
 * every thread, and a request its client abandoned is not hashed long after it was given up on.
 */
@Component
public class Argon2PasswordHasher implements PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final Argon2PasswordEncoder encoder;
    private final Semaphore permits;
    private final long maxWaitNanos;
    /** A real hash of nothing anyone knows, so unknown accounts cost exactly one verification. */
    private final String decoyHash;

    public Argon2PasswordHasher(IdentityProperties properties) {
        IdentityProperties.Password password = properties.getPassword();
        this.encoder = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, password.getArgon2Parallelism(),
                password.getArgon2MemoryKib(), password.getArgon2Iterations());
        int concurrency = password.getMaxConcurrentHashes() > 0 ? password.getMaxConcurrentHashes()
                : 2 * Runtime.getRuntime().availableProcessors();
        // Fair, so the wait is first come, first served and the oldest waiter is the one refused last.
        this.permits = new Semaphore(concurrency, true);
        this.maxWaitNanos = password.getMaxHashWait().toNanos();
        this.decoyHash = encoder.encode(UUID.randomUUID().toString());
    }

    @Override
    public String hash(CharSequence password) {
        return bounded(() -> encoder.encode(password));
    }

    @Override
    public boolean matches(CharSequence password, String storedHash) {
        return bounded(() -> encoder.matches(password, storedHash));
    }

    @Override
    public void spendEquivalentWork(CharSequence password) {
        bounded(() -> encoder.matches(password, decoyHash));
    }

    private <T> T bounded(Supplier<T> work) {
        acquire();
        try {
            return work.get();
        } finally {
            permits.release();
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
}
