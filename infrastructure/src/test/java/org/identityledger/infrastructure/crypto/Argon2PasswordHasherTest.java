package org.identityledger.infrastructure.crypto;

import org.identityledger.command.port.PasswordHashingBusyException;
import org.identityledger.infrastructure.config.IdentityProperties;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import org.bouncycastle.crypto.params.Argon2Parameters;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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

    @Test
    void passwordsAreHashedByTheNativeLibraryOnTheMachinesItIsBuiltFor() {
        // Linux x86-64 and aarch64, macOS and Windows: where CI and the benchmarks run. Elsewhere
        // the Java fallback hashes the same bytes (theNativeAndTheJavaImplementationComputeTheSameHashes).
        assertThat(hasher.implementation()).isEqualTo("native");
    }

    @Test
    void theNativeAndTheJavaImplementationComputeTheSameHashes() {
        Argon2Derivation java = new BouncyCastleArgon2(4 * 1024);
        Argon2Derivation nativeLibrary = NativeArgon2.load();
        byte[] salt = "sixteen byte slt".getBytes(StandardCharsets.UTF_8);
        for (int type : new int[] {Argon2Parameters.ARGON2_id, Argon2Parameters.ARGON2_i, Argon2Parameters.ARGON2_d}) {
            for (int version : new int[] {Argon2Parameters.ARGON2_VERSION_13, Argon2Parameters.ARGON2_VERSION_10}) {
                Argon2HashString shape = new Argon2HashString(type, version, 1024, 3, 2, salt, new byte[0]);
                byte[] password = "pässwörd 🔑".getBytes(StandardCharsets.UTF_8);

                assertThat(nativeLibrary.derive(password.clone(), shape, 32)).as("type %d version %d", type, version)
                        .isEqualTo(java.derive(password.clone(), shape, 32));
            }
        }
    }

    /**
     * libargon2 malloc'ed and freed 19 MiB per hash, and glibc often gave the freed memory back to
     * the kernel between hashes: one service in six then faulted every page in again at every hash
     * and hashed at 55 instead of 82-94/s. The thread's kept memory is touched once.
     */
    @Test
    void theNativeLibraryHashesInMemoryTheThreadKeepsInsteadOfFaultingItInAtEveryHash() throws Exception {
        Path threadStat = Path.of("/proc/thread-self/stat");
        assumeTrue(Files.isReadable(threadStat), "minor page faults per thread are read from Linux's /proc");
        Argon2Derivation nativeLibrary = NativeArgon2.load();
        Argon2HashString shape = new Argon2HashString(Argon2Parameters.ARGON2_id, Argon2Parameters.ARGON2_VERSION_13,
                19_456, 2, 1, new byte[16], new byte[0]);
        nativeLibrary.derive(new byte[12], shape, 32);
        long kept = NativeArgon2.WorkingMemory.heldByThisThread();

        long faultsBefore = minorFaults(threadStat);
        for (int i = 0; i < 3; i++) {
            nativeLibrary.derive(("a guess " + i).getBytes(StandardCharsets.UTF_8), shape, 32);
        }
        long faultsPerHash = (minorFaults(threadStat) - faultsBefore) / 3;

        assertThat(kept).as("one hash's memory").isEqualTo(19_456L * 1024);
        assertThat(NativeArgon2.WorkingMemory.heldByThisThread()).as("still the same, not another").isEqualTo(kept);
        assertThat(faultsPerHash).as("page faults per hash (19 MiB fresh would be 4,864)").isLessThan(500);
    }

    @Test
    void aHashingThreadIdleForAWhileEndsAndGivesItsHashMemoryBack() throws Exception {
        IdentityProperties properties = new IdentityProperties();
        properties.getPassword().setMaxConcurrentHashes(1);
        long before = NativeArgon2.WorkingMemory.heldByAllThreads();
        Argon2PasswordHasher shortLived = new Argon2PasswordHasher(properties, NativeArgon2.load(), Duration.ofMillis(200));
        try {
            String stored = shortLived.hash("a passphrase to verify");
            assertThat(shortLived.matches("a passphrase to verify", stored)).isTrue();
            assertThat(NativeArgon2.WorkingMemory.heldByAllThreads() - before).as("kept while logins come")
                    .isEqualTo(properties.getPassword().getArgon2MemoryKib() * 1024L);

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (NativeArgon2.WorkingMemory.heldByAllThreads() != before && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }

            assertThat(NativeArgon2.WorkingMemory.heldByAllThreads()).as("given back once idle").isEqualTo(before);
            assertThat(shortLived.matches("a passphrase to verify", stored)).as("and a later login still hashes").isTrue();
        } finally {
            shortLived.close();
        }
    }

    /** Field 10 of /proc/thread-self/stat, after the command name (which may hold spaces). */
    private static long minorFaults(Path threadStat) throws Exception {
        String stat = Files.readString(threadStat);
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[7]);
    }

    /**
     * A login flood hashed 19 MiB of fresh memory per attempt; in a 256 MiB heap the serial
     * collector then paused every request 110-170 ms twice a second. The Java fallback pools it.
     */
    @Test
    void theJavaImplementationReusesItsMemoryInsteadOfAllocatingItEachTime() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Argon2Derivation java = new BouncyCastleArgon2(19_456);
        Argon2HashString shape = new Argon2HashString(Argon2Parameters.ARGON2_id, Argon2Parameters.ARGON2_VERSION_13,
                19_456, 2, 1, new byte[16], new byte[0]);
        java.derive(new byte[12], shape, 32);
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 5; i++) {
            java.derive(("a guess " + i).getBytes(StandardCharsets.UTF_8), shape, 32);
        }
        long perHash = (threads.getCurrentThreadAllocatedBytes() - before) / 5;

        assertThat(perHash).as("bytes allocated per hash (the hash itself needs 19 MiB)").isLessThan(1024 * 1024);
    }

    /**
     * libargon2 mallocs each hash's memory, and glibc keeps what a thread freed in that thread's
     * arena: hashed on 64 request threads, 19 MiB hashes took a process from 114 to 510 MiB.
     */
    @Test
    void everyHashRunsOnTheFewHashingThreadsWhicheverRequestThreadAsks() throws Exception {
        IdentityProperties properties = new IdentityProperties();
        properties.getPassword().setMaxConcurrentHashes(2);
        properties.getPassword().setMaxHashWait(java.time.Duration.ofMinutes(1));
        Set<String> hashingThreads = ConcurrentHashMap.newKeySet();
        Argon2Derivation recording = (password, shape, length) -> {
            hashingThreads.add(Thread.currentThread().getName());
            return new byte[length];
        };
        try (Argon2PasswordHasher hasher = new Argon2PasswordHasher(properties, recording)) {
            ExecutorService requestThreads = Executors.newFixedThreadPool(32);
            try {
                List<Future<Boolean>> calls = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    calls.add(requestThreads.submit(() -> hasher.matches("a guess", hasher.hash("a password"))));
                }
                for (Future<Boolean> call : calls) {
                    assertThat(call.get(1, TimeUnit.MINUTES)).isTrue();
                }
            } finally {
                requestThreads.shutdownNow();
            }
        }

        assertThat(hashingThreads).hasSizeLessThanOrEqualTo(2).allMatch(name -> name.startsWith("password-hashing-"));
    }

    @Test
    void aPasswordThatIsNotUnicodeIsNeitherHashedNorMatched() {
        String loneSurrogate = "a password \ud800 with half a character";
        String replaced = "a password ? with half a character";

        assertThatThrownBy(() -> hasher.hash(loneSurrogate)).isInstanceOf(IllegalArgumentException.class);
        assertThat(hasher.matches(loneSurrogate, hasher.hash(replaced))).isFalse();
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
