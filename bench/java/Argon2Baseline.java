import de.mkammerer.argon2.jna.Argon2Library;
import de.mkammerer.argon2.jna.Argon2_type;
import de.mkammerer.argon2.jna.Argon2_version;
import de.mkammerer.argon2.jna.JnaUint32;
import de.mkammerer.argon2.jna.Size_t;
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
 * The machine's ceiling for password logins: raw Argon2id at the given parameters on the given
 * number of threads, in a JVM of its own started with no options at all (not the service's process,
 * flags or pools), computed by the implementation the service uses: the reference C library
 * (libargon2 through argon2-jvm and JNA), or Bouncy Castle where that cannot be loaded, as in the
 * service. Prints hashes per second on stdout, and which implementation on stderr.
 * Usage: java -cp bcprov.jar:argon2-jvm.jar:argon2-jvm-nolibs.jar:jna.jar bench/java/Argon2Baseline.java
 *        THREADS SECONDS MEMORY_KIB ITERATIONS PARALLELISM
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
        byte[] password = "bench passphrase that is long enough".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        boolean nativeLibrary = nativeLibraryLoads();
        System.err.println("raw Argon2id computed by " + (nativeLibrary ? "libargon2 (native)" : "Bouncy Castle (Java)"));
        // Warm-up, so the JIT has compiled the hash before it is timed (as the service's is under load).
        long warmUntil = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < warmUntil) {
            hash(nativeLibrary, parameters, password);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Future<Long>> counts = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            counts.add(pool.submit(() -> {
                long done = 0;
                while (running.get()) {
                    hash(nativeLibrary, parameters, password);
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

    private static boolean nativeLibraryLoads() {
        try {
            return Argon2Library.INSTANCE != null;
        } catch (RuntimeException | LinkageError unavailable) {
            return false;
        }
    }

    private static void hash(boolean nativeLibrary, Argon2Parameters parameters, byte[] password) {
        byte[] out = new byte[32];
        if (nativeLibrary) {
            // The same call, with the same arguments, as the service's NativeArgon2.
            int result = Argon2Library.INSTANCE.argon2_hash(new JnaUint32(parameters.getIterations()),
                    new JnaUint32(parameters.getMemory()), new JnaUint32(parameters.getLanes()), password,
                    new Size_t(password.length), parameters.getSalt(), new Size_t(parameters.getSalt().length), out,
                    new Size_t(out.length), null, new Size_t(0), new Argon2_type(parameters.getType()),
                    new Argon2_version(parameters.getVersion()));
            if (result != Argon2Library.ARGON2_OK) {
                throw new IllegalStateException(Argon2Library.INSTANCE.argon2_error_message(result));
            }
            return;
        }
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        generator.generateBytes(password, out);
    }
}
