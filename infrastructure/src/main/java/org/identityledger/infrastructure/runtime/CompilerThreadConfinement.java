package org.identityledger.infrastructure.runtime;

import com.sun.jna.Native;
import com.sun.jna.Platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the JIT compiler threads off one CPU while the service starts, and gives them every CPU
 * back when it is ready. On the 2-core machines this service is measured on (BENCHMARKS.md), a
 * start is a single main thread creating beans while the C2 and C1 compilers compile what that
 * thread runs: 3.3-3.8 s of C2 and 1.5-1.8 s of C1 against 3.5 s of the main thread, which spent 2 s
 * of its start waiting for a CPU behind them. Almost all of that compiled code serves the start
 * only (annotation scanning, configuration parsing, class-file reading). With the compilers
 * confined to the other CPUs the main thread has one to itself: 6.0-6.4 s to ready against
 * 6.4-6.8 s on the same machine, interleaved. The JVM has no switch for this: thread priorities
 * need root ({@code -XX:ThreadPriorityPolicy=1}), a lower priority cannot be raised again without
 * it, and higher compile thresholds ({@code -XX:CompileThresholdScaling}) would also slow the
 * warm-up of the request path for the process's whole life. A thread's CPU affinity can be
 * narrowed and widened again by the process itself, so it is used: Linux only, through JNA (already
 * here for libargon2), and only where the process may use at least two CPUs.
 *
 * <p>Nothing depends on it: wherever it cannot read or set an affinity it does nothing, and
 * {@link #release()} restores what each thread had (compiler threads started since get the mask
 * the process had).
 */
public final class CompilerThreadConfinement {

    /** 1,024 CPUs, glibc's cpu_set_t. */
    private static final int MASK_BYTES = 128;
    private static final Path TASKS = Path.of("/proc/self/task");

    private final Map<Integer, byte[]> confined;
    private final byte[] processMask;

    private CompilerThreadConfinement(Map<Integer, byte[]> confined, byte[] processMask) {
        this.confined = confined;
        this.processMask = processMask;
    }

    /** Confines the compiler threads now; never fails (an empty confinement where it cannot). */
    public static CompilerThreadConfinement confine() {
        try {
            // The native signatures below pass size_t as a Java long: 64-bit Linux only.
            if (!Platform.isLinux() || !Platform.is64Bit()) {
                return none();
            }
            byte[] processMask = Affinity.of(0);
            int firstCpu = firstSetBit(processMask);
            if (firstCpu < 0 || countBits(processMask) < 2) {
                return none();
            }
            byte[] withoutFirst = processMask.clone();
            withoutFirst[firstCpu / 8] &= (byte) ~(1 << (firstCpu % 8));
            Map<Integer, byte[]> confined = new LinkedHashMap<>();
            for (int thread : compilerThreads()) {
                byte[] before = Affinity.of(thread);
                if (Affinity.set(thread, withoutFirst)) {
                    confined.put(thread, before);
                }
            }
            return new CompilerThreadConfinement(confined, processMask);
        } catch (IOException | RuntimeException | LinkageError unavailable) {
            return none();
        }
    }

    /** Gives every compiler thread its CPUs back; safe to call more than once. */
    public synchronized void release() {
        if (processMask == null) {
            return;
        }
        try {
            for (Map.Entry<Integer, byte[]> thread : confined.entrySet()) {
                Affinity.set(thread.getKey(), thread.getValue());
            }
            for (int thread : compilerThreads()) {
                if (!confined.containsKey(thread)) {
                    Affinity.set(thread, processMask);
                }
            }
        } catch (IOException | RuntimeException | LinkageError unavailable) {
            // A compiler thread that stays confined costs compile speed, not correctness.
        }
        confined.clear();
    }

    /** The compiler threads this confinement narrowed (for tests). */
    synchronized Map<Integer, byte[]> confinedThreads() {
        return Map.copyOf(confined);
    }

    static boolean onCpu(byte[] mask, int cpu) {
        return (mask[cpu / 8] & (1 << (cpu % 8))) != 0;
    }

    static int firstSetBit(byte[] mask) {
        for (int cpu = 0; cpu < mask.length * 8; cpu++) {
            if (onCpu(mask, cpu)) {
                return cpu;
            }
        }
        return -1;
    }

    static int countBits(byte[] mask) {
        int count = 0;
        for (byte part : mask) {
            count += Integer.bitCount(part & 0xff);
        }
        return count;
    }

    /** HotSpot names them "C2 CompilerThread0", "C1 CompilerThread0", …; Linux keeps 15 characters. */
    static List<Integer> compilerThreads() throws IOException {
        List<Integer> threads = new ArrayList<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                String name;
                try {
                    name = Files.readString(task.resolve("comm"), StandardCharsets.UTF_8);
                } catch (IOException ended) {
                    continue;
                }
                if (name.contains("CompilerThre")) {
                    threads.add(Integer.parseInt(task.getFileName().toString()));
                }
            }
        }
        return threads;
    }

    private static CompilerThreadConfinement none() {
        return new CompilerThreadConfinement(new LinkedHashMap<>(), null);
    }

    /** glibc's sched_getaffinity/sched_setaffinity for one thread (0: the calling one). */
    static final class Affinity {

        static {
            Native.register(Affinity.class, Platform.C_LIBRARY_NAME);
        }

        private Affinity() {
        }

        static native int sched_getaffinity(int thread, long maskBytes, byte[] mask);

        static native int sched_setaffinity(int thread, long maskBytes, byte[] mask);

        static byte[] of(int thread) {
            byte[] mask = new byte[MASK_BYTES];
            if (sched_getaffinity(thread, MASK_BYTES, mask) != 0) {
                throw new IllegalStateException("sched_getaffinity failed for thread " + thread);
            }
            return mask;
        }

        static boolean set(int thread, byte[] mask) {
            return sched_setaffinity(thread, MASK_BYTES, mask) == 0;
        }
    }
}
