package org.identityledger.infrastructure.crypto;

import org.identityledger.command.port.PasswordHashingBusyException;
import org.identityledger.infrastructure.config.IdentityProperties;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import java.lang.management.ManagementFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class Argon2PasswordHasherTest {

    private final Argon2PasswordHasher hasher = new Argon2PasswordHasher(new IdentityProperties());

    @Test
    void aHashStoredBySpringSecuritysEncoderStillVerifies() {
        String stored = new Argon2PasswordEncoder(16, 32, 1, 19_456, 2).encode("a password from before");

        assertThat(hasher.matches("a password from before", stored)).isTrue();
        assertThat(hasher.matches("a password from after", stored)).isFalse();
    }

    @Test
    void aHashStoredHereVerifiesWithSpringSecuritysEncoder() {
        String stored = hasher.hash("a password for later");

        assertThat(stored).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(new Argon2PasswordEncoder(16, 32, 1, 19_456, 2).matches("a password for later", stored)).isTrue();
        assertThat(hasher.matches("a password for later", stored)).isTrue();
        assertThat(hasher.matches("a password for later!", stored)).isFalse();
    }

    @Test
    void somethingThatIsNotAnArgon2HashMatchesNothing() {
        for (String stored : new String[] {"", "$2a$10$abcdefghijklmnopqrstuv", "$argon2id$v=19$m=19456,t=2$c2FsdA$aGFzaA",
                "$argon2id$v=19$m=19456,t=2,p=1,x=3$c2FsdA$aGFzaA", "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA"}) {
            assertThat(hasher.matches("anything", stored)).as(stored).isFalse();
        }
    }

    /**
     * A login flood hashed 19 MiB of fresh memory per attempt; in a 256 MiB heap the serial
     * collector then paused every request 110-170 ms twice a second. The memory is pooled now.
     */
    @Test
    void hashingReusesItsMemoryInsteadOfAllocatingItEachTime() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        String stored = hasher.hash("warm the pool");
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 5; i++) {
            hasher.matches("a guess " + i, stored);
        }
        long perHash = (threads.getCurrentThreadAllocatedBytes() - before) / 5;

        assertThat(perHash).as("bytes allocated per hash (the hash itself needs 19 MiB)").isLessThan(1024 * 1024);
    }

    @Test
    void theWaitForAHashSlotIsBoundedAndAFullQueueIsRefused() throws Exception {
        IdentityProperties properties = new IdentityProperties();
        properties.getPassword().setMaxConcurrentHashes(1);
        // Far shorter than 40 hashes take one after another, however fast this machine hashes.
        properties.getPassword().setMaxHashWait(java.time.Duration.ofMillis(50));
        Argon2PasswordHasher hasher = new Argon2PasswordHasher(properties);
        String stored = hasher.hash("a password nobody guesses");
        ExecutorService callers = Executors.newFixedThreadPool(40);
        AtomicInteger refused = new AtomicInteger();
        List<Future<Long>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                calls.add(callers.submit(() -> {
                    long started = System.nanoTime();
                    try {
                        hasher.matches("a wrong guess", stored);
                    } catch (PasswordHashingBusyException busy) {
                        refused.incrementAndGet();
                    }
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                }));
            }
            long slowest = 0;
            for (Future<Long> call : calls) {
                slowest = Math.max(slowest, call.get(2, TimeUnit.MINUTES));
            }
            assertThat(refused.get()).as("40 callers for one slot, each waiting at most 50 ms (slowest took %d ms)", slowest)
                    .isPositive();
        } finally {
            callers.shutdownNow();
        }
    }
}
