package org.identityledger.infrastructure.crypto;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.util.ArrayList;
import java.util.List;

/**
 * Argon2 in Java, for machines where the native library cannot be loaded (a musl libc, a
 * {@code noexec} temporary directory, an unbundled platform). The memory comes from one block pool
 * sized for the hashing slots, not from a fresh 19 MiB per hash: under a login flood the fresh
 * arrays (hundreds of MiB a second) filled a 256 MiB heap so fast that the serial collector ran a
 * full collection every half second, each pausing every request for 110-170 ms (BENCHMARKS.md,
 * "Under attack").
 */
final class BouncyCastleArgon2 implements Argon2Derivation {

    private final Argon2BytesGenerator.BlockPool memory;

    BouncyCastleArgon2(int memoryKib) {
        this.memory = filledPool(memoryKib);
    }

    /**
     * A block is 1 KiB. The pool is filled now, at start, so that moving it into the old
     * generation costs the start and not the first flood (copying it there under load paused
     * requests for up to 340 ms).
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

    @Override
    public byte[] derive(byte[] password, Argon2HashString shape, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(shape.type()).withVersion(shape.version()).withSalt(shape.salt())
                .withMemoryAsKB(shape.memoryKib()).withIterations(shape.iterations()).withParallelism(shape.parallelism())
                .withBlockPool(memory).build());
        byte[] derived = new byte[length];
        generator.generateBytes(password, derived);
        return derived;
    }
}
