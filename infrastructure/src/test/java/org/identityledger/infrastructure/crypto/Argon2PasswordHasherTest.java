package org.identityledger.infrastructure.crypto;

import org.identityledger.infrastructure.config.IdentityProperties;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class Argon2PasswordHasherTest {

    @Test
    void theWaitForAHashSlotIsBoundedAndAFullQueueIsRefused() throws Exception {
        IdentityProperties properties = new IdentityProperties();
        properties.getPassword().setMaxConcurrentHashes(1);
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
            assertThat(refused.get()).as("40 callers for one slot, each waiting at most 1 s (slowest took %d ms)", slowest)
                    .isPositive();
        } finally {
            callers.shutdownNow();
        }
    }
}
