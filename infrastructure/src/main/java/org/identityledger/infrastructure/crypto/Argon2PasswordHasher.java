package org.identityledger.infrastructure.crypto;

import org.identityledger.command.port.PasswordHashingBusyException;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.identityledger.command.common.PasswordHasher;
import org.identityledger.infrastructure.config.IdentityProperties;
import org.springframework.stereotype.Component;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
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
 *
 * <p>The hash memory comes from one Bouncy Castle block pool sized for the slots, not from a fresh
 * 19 MiB per hash: under a login flood the fresh arrays (hundreds of MiB a second) filled a 256 MiB
 * heap so fast that the serial collector ran a full collection every half second, each pausing every
 * request — {@code /me} included — for 110–170 ms (BENCHMARKS.md, "Under attack"). Pooled, the
 * memory is allocated once and the pauses are gone. Hashes are PHC strings, the same ones Spring
 * Security's {@code Argon2PasswordEncoder} wrote before, so stored hashes keep verifying.
 */
@Component
public class Argon2PasswordHasher implements PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final IdentityProperties.Password settings;
    private final Argon2BytesGenerator.BlockPool memory;
    private final Semaphore permits;
    private final long maxWaitNanos;
    /** A real hash of nothing anyone knows, so unknown accounts cost exactly one verification. */
    private final String decoyHash;

    public Argon2PasswordHasher(IdentityProperties properties) {
        this.settings = properties.getPassword();
        int concurrency = settings.getMaxConcurrentHashes() > 0 ? settings.getMaxConcurrentHashes()
                : Runtime.getRuntime().availableProcessors();
        this.memory = filledPool(concurrency * settings.getArgon2MemoryKib());
        // Fair, so the wait is first come, first served and the oldest waiter is the one refused last.
        this.permits = new Semaphore(concurrency, true);
        this.maxWaitNanos = settings.getMaxHashWait().toNanos();
        this.decoyHash = hash(UUID.randomUUID().toString());
    }

    @Override
    public String hash(CharSequence password) {
        byte[] salt = new byte[SALT_BYTES];
        Randomness.current().nextBytes(salt);
        Argon2HashString shape = new Argon2HashString(Argon2Parameters.ARGON2_id, Argon2Parameters.ARGON2_VERSION_13,
                settings.getArgon2MemoryKib(), settings.getArgon2Iterations(), settings.getArgon2Parallelism(), salt, new byte[0]);
        return bounded(() -> shape.withHash(derive(password, shape, HASH_BYTES)).encoded());
    }

    @Override
    public boolean matches(CharSequence password, String storedHash) {
        Argon2HashString stored;
        try {
            stored = Argon2HashString.parse(storedHash);
        } catch (IllegalArgumentException notArgon2) {
            return false;
        }
        return bounded(() -> MessageDigest.isEqual(stored.hash(), derive(password, stored, stored.hash().length)));
    }

    @Override
    public void spendEquivalentWork(CharSequence password) {
        matches(password, decoyHash);
    }

    /**
     * A block is 1 KiB, so the pool keeps the memory of every slot hashing at once. It is filled
     * now, at start, so that moving it into the old generation costs the start and not the first
     * flood (copying it there under load paused requests for up to 340 ms).
     */
    private static Argon2BytesGenerator.BlockPool filledPool(int blocks) {
        Argon2BytesGenerator.FixedBlockPool pool = new Argon2BytesGenerator.FixedBlockPool(blocks);
        List<Argon2BytesGenerator.Block> allocated = new ArrayList<>(blocks);
        for (int i = 0; i < blocks; i++) {
            allocated.add(pool.allocate());
        }
        allocated.forEach(pool::deallocate);
        return pool;
    }

    private byte[] derive(CharSequence password, Argon2HashString shape, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(shape.type()).withVersion(shape.version()).withSalt(shape.salt())
                .withMemoryAsKB(shape.memoryKib()).withIterations(shape.iterations()).withParallelism(shape.parallelism())
                .withBlockPool(memory).build());
        byte[] derived = new byte[length];
        generator.generateBytes(password.toString().toCharArray(), derived);
        return derived;
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
