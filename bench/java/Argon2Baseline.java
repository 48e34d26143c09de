import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The machine's ceiling for password logins: raw Argon2id (Bouncy Castle, the library the service
 * uses) at the given parameters on the given number of threads, in a JVM of its own started with no
 * options at all (not the service's process, flags or pools). Prints hashes per second.
 * Usage: java -cp bcprov.jar bench/java/Argon2Baseline.java THREADS SECONDS MEMORY_KIB ITERATIONS PARALLELISM
 */
public class Argon2Baseline {

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        double seconds = Double.parseDouble(args[1]);
        int memoryKib = Integer.parseInt(args[2]);
        int iterations = Integer.parseInt(args[3]);
        int parallelism = Integer.parseInt(args[4]);
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withSalt(salt).withMemoryAsKB(memoryKib)
                .withIterations(iterations).withParallelism(parallelism).build();
        char[] password = "bench passphrase that is long enough".toCharArray();
        // Warm-up, so the JIT has compiled the hash before it is timed (as the service's is under load).
        long warmUntil = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < warmUntil) {
            hash(parameters, password);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Future<Long>> counts = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            counts.add(pool.submit(() -> {
                long done = 0;
                while (running.get()) {
                    hash(parameters, password);
                    done++;
                }
                return done;
            }));
        }
        Thread.sleep((long) (seconds * 1000));
        running.set(false);
        long total = 0;
        for (Future<Long> count : counts) {
            total += count.get();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        System.out.printf(java.util.Locale.ROOT, "%.2f%n", total / elapsed);
    }

    private static void hash(Argon2Parameters parameters, char[] password) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[32];
        generator.generateBytes(password, out);
    }
}
