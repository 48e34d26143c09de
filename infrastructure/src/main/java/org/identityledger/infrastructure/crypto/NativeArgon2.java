package org.identityledger.infrastructure.crypto;

import com.sun.jna.Callback;
import com.sun.jna.CallbackReference;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import de.mkammerer.argon2.jna.Argon2Library;
import de.mkammerer.argon2.jna.Argon2_context;
import de.mkammerer.argon2.jna.Argon2_type;
import de.mkammerer.argon2.jna.Argon2_version;
import de.mkammerer.argon2.jna.JnaUint32;
import de.mkammerer.argon2.jna.Size_t;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Argon2 computed by the reference C implementation, libargon2, called through JNA: the system's
 * where one is installed (on Debian {@code libargon2-1}, which cryptsetup depends on), else the
 * copy argon2-jvm bundles for Linux, macOS and Windows. It computes the same bytes as Bouncy
 * Castle's Java implementation 1.2-1.5 times as fast on the machines measured (BENCHMARKS.md), and
 * a login is almost nothing but its hash. Whichever copy loads must agree with the Java
 * implementation on a known input before it hashes a password.
 *
 * <p>Each thread that hashes keeps one hash's memory ({@link WorkingMemory}); that is one reason the
 * hasher runs every hash on its own few threads (the other: when libargon2 malloc'ed it, glibc kept
 * freed memory in the arena of the thread that freed it, and 19 MiB hashes on 64 request threads
 * took a test process from 114 to 510 MiB resident).
 */
final class NativeArgon2 implements Argon2Derivation {

    private final Argon2Library library;

    private NativeArgon2(Argon2Library library) {
        this.library = library;
    }

    /**
     * @throws LinkageError or a runtime exception where the library cannot be loaded on this
     *         machine, or computes other bytes than the Java implementation
     */
    static NativeArgon2 load() {
        NativeArgon2 loaded = new NativeArgon2(Argon2Library.INSTANCE);
        // Now, at start, and not at the first login: two lanes, two passes, a salt and a password.
        Argon2HashString known = new Argon2HashString(Argon2Parameters.ARGON2_id, Argon2Parameters.ARGON2_VERSION_13,
                64, 2, 2, "a known salt".getBytes(StandardCharsets.UTF_8), new byte[0]);
        byte[] password = "a known password".getBytes(StandardCharsets.UTF_8);
        if (!Arrays.equals(loaded.derive(password.clone(), known, 32), new BouncyCastleArgon2(64).derive(password, known, 32))) {
            throw new IllegalStateException("the native Argon2 library computes other bytes than Bouncy Castle");
        }
        return loaded;
    }

    /**
     * libargon2 numbers types (d 0, i 1, id 2) and versions (0x10, 0x13) as Bouncy Castle and the PHC
     * string do. The hash's memory is the calling thread's {@link WorkingMemory}, not a malloc and a
     * free per hash: glibc often handed the freed 19 MiB back to the kernel between hashes (the JVM's
     * native-heap trim, a neighbouring allocation splitting the free block), and each hash then
     * faulted it in again, page by page: one service in six hashed at 55/s with 270,000 page faults in
     * 6 s where the others did 82-94/s with a few thousand (the launcher's malloc thresholds made it
     * rarer, not impossible). libargon2 still wipes the memory before it calls the free callback.
     */
    @Override
    public byte[] derive(byte[] password, Argon2HashString shape, int length) {
        Memory out = new Memory(length);
        Memory secret = new Memory(Math.max(1, password.length));
        Memory salt = new Memory(Math.max(1, shape.salt().length));
        try {
            secret.write(0, password, 0, password.length);
            salt.write(0, shape.salt(), 0, shape.salt().length);
            Argon2_context.ByReference context = new Argon2_context.ByReference();
            context.out = out;
            context.outlen = new JnaUint32(length);
            context.pwd = secret;
            context.pwdlen = new JnaUint32(password.length);
            context.salt = salt;
            context.saltlen = new JnaUint32(shape.salt().length);
            context.secretlen = new JnaUint32(0);
            context.adlen = new JnaUint32(0);
            context.t_cost = new JnaUint32(shape.iterations());
            context.m_cost = new JnaUint32(shape.memoryKib());
            context.lanes = new JnaUint32(shape.parallelism());
            context.threads = new JnaUint32(shape.parallelism());
            context.version = new Argon2_version(shape.version());
            context.allocate_cbk = WorkingMemory.ALLOCATE_POINTER;
            context.free_cbk = WorkingMemory.KEEP_POINTER;
            context.flags = new JnaUint32(0);
            int result = library.argon2_ctx(context, new Argon2_type(shape.type()));
            if (result != Argon2Library.ARGON2_OK) {
                throw new IllegalStateException("Argon2 failed: " + library.argon2_error_message(result));
            }
            return out.getByteArray(0, length);
        } finally {
            secret.clear();
            out.clear();
            secret.close();
            salt.close();
            out.close();
        }
    }

    /**
     * The memory of the hashes computed on one thread: allocated at its first hash (or when a larger
     * cost needs more), then kept until the thread ends (a hashing thread ends after 10 s without a
     * hash), so the service holds at most one hash's memory per hashing thread (README:
     * {@code identity.password.max-concurrent-hashes}), touched once. libargon2 calls back on the thread
     * that asked for the hash, so the callbacks find the buffer in a thread-local.
     */
    static final class WorkingMemory {

        private static final ThreadLocal<Memory> BUFFER = new ThreadLocal<>();
        /** Bytes kept by all threads together (for tests and the curious). */
        private static final AtomicLong HELD = new AtomicLong();
        private static final int ARGON2_MEMORY_ALLOCATION_ERROR = -22;

        /** {@code int allocate_fptr(uint8_t **memory, size_t bytes_to_allocate)} */
        interface Allocate extends Callback {
            int invoke(Pointer memory, Size_t bytes);
        }

        /** {@code void deallocate_fptr(uint8_t *memory, size_t bytes_to_allocate)} */
        interface Keep extends Callback {
            void invoke(Pointer memory, Size_t bytes);
        }

        static final class AllocateFromBuffer implements Allocate {
            @Override
            public int invoke(Pointer memory, Size_t bytes) {
                try {
                    memory.setPointer(0, bufferOf(bytes.longValue()));
                    return Argon2Library.ARGON2_OK;
                } catch (OutOfMemoryError | RuntimeException noMemory) {
                    memory.setPointer(0, null);
                    return ARGON2_MEMORY_ALLOCATION_ERROR;
                }
            }
        }

        static final class KeepForTheNextHash implements Keep {
            @Override
            public void invoke(Pointer memory, Size_t bytes) {
                // Kept: the thread's next hash uses it again (libargon2 has wiped it already).
            }
        }

        // Referenced for the life of the class: a callback's native entry point lives as long as its object.
        private static final Allocate ALLOCATE = new AllocateFromBuffer();
        private static final Keep KEEP = new KeepForTheNextHash();
        static final Pointer ALLOCATE_POINTER = CallbackReference.getFunctionPointer(ALLOCATE);
        static final Pointer KEEP_POINTER = CallbackReference.getFunctionPointer(KEEP);

        private WorkingMemory() {
        }

        static Pointer bufferOf(long bytes) {
            Memory buffer = BUFFER.get();
            if (buffer == null || buffer.size() < bytes) {
                releaseThisThreads();
                buffer = new Memory(bytes);
                BUFFER.set(buffer);
                HELD.addAndGet(bytes);
            }
            return buffer;
        }

        /** Frees the calling thread's memory now (a hashing thread on its way out), not at some later GC. */
        static void releaseThisThreads() {
            Memory buffer = BUFFER.get();
            if (buffer != null) {
                BUFFER.remove();
                HELD.addAndGet(-buffer.size());
                buffer.close();
            }
        }

        static long heldByAllThreads() {
            return HELD.get();
        }

        /** The bytes this thread keeps for its hashes (for tests). */
        static long heldByThisThread() {
            Memory buffer = BUFFER.get();
            return buffer == null ? 0 : buffer.size();
        }
    }
}
