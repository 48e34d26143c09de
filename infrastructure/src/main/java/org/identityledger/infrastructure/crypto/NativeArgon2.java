package org.identityledger.infrastructure.crypto;

import de.mkammerer.argon2.jna.Argon2Library;
import de.mkammerer.argon2.jna.Argon2_type;
import de.mkammerer.argon2.jna.Argon2_version;
import de.mkammerer.argon2.jna.JnaUint32;
import de.mkammerer.argon2.jna.Size_t;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Argon2 computed by the reference C implementation, libargon2, called through JNA: the system's
 * where one is installed (on Debian {@code libargon2-1}, which cryptsetup depends on), else the
 * copy argon2-jvm bundles for Linux, macOS and Windows. It computes the same bytes as Bouncy
 * Castle's Java implementation 1.2-1.5 times as fast on the machines measured (BENCHMARKS.md), and
 * a login is almost nothing but its hash. Whichever copy loads must agree with the Java
 * implementation on a known input before it hashes a password.
 *
 * <p>libargon2 mallocs each hash's memory; that is why the hasher runs every hash on its own few
 * threads: glibc keeps freed memory in the arena of the thread that freed it, and 19 MiB hashes on
 * 64 request threads took a test process from 114 to 510 MiB resident.
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

    /** libargon2 numbers types (d 0, i 1, id 2) and versions (0x10, 0x13) as Bouncy Castle and the PHC string do. */
    @Override
    public byte[] derive(byte[] password, Argon2HashString shape, int length) {
        byte[] derived = new byte[length];
        int result = library.argon2_hash(new JnaUint32(shape.iterations()), new JnaUint32(shape.memoryKib()),
                new JnaUint32(shape.parallelism()), password, new Size_t(password.length), shape.salt(),
                new Size_t(shape.salt().length), derived, new Size_t(length), null, new Size_t(0),
                new Argon2_type(shape.type()), new Argon2_version(shape.version()));
        if (result != Argon2Library.ARGON2_OK) {
            throw new IllegalStateException("Argon2 failed: " + library.argon2_error_message(result));
        }
        return derived;
    }
}
