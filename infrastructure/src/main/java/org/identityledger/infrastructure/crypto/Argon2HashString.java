package org.identityledger.infrastructure.crypto;

import org.bouncycastle.crypto.params.Argon2Parameters;

import java.util.Base64;
import java.util.Map;

/**
 * The PHC string format of Argon2 ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}, Base64
 * without padding), the same strings Spring Security's {@code Argon2PasswordEncoder} reads and
 * writes, so stored hashes keep verifying. Written here because Spring's codec is package-private
 * and builds parameters without a block pool (see {@link Argon2PasswordHasher}).
 */
record Argon2HashString(int type, int version, int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {

    private static final Map<String, Integer> TYPES = Map.of(
            "argon2d", Argon2Parameters.ARGON2_d, "argon2i", Argon2Parameters.ARGON2_i, "argon2id", Argon2Parameters.ARGON2_id);
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    Argon2HashString withHash(byte[] derived) {
        return new Argon2HashString(type, version, memoryKib, iterations, parallelism, salt, derived);
    }

    String encoded() {
        String name = TYPES.entrySet().stream().filter(entry -> entry.getValue() == type).findFirst().orElseThrow().getKey();
        return "$" + name + "$v=" + version + "$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism
                + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }

    /** @throws IllegalArgumentException when the string is not an Argon2 PHC string */
    static Argon2HashString parse(String encoded) {
        String[] parts = encoded.split("\\$");
        if (parts.length < 5 || !parts[0].isEmpty() || !TYPES.containsKey(parts[1])) {
            throw new IllegalArgumentException("not an Argon2 hash string");
        }
        int next = 2;
        int version = Argon2Parameters.ARGON2_VERSION_10;
        if (parts[next].startsWith("v=")) {
            version = Integer.parseInt(parts[next].substring(2));
            next++;
        }
        if (parts.length != next + 3) {
            throw new IllegalArgumentException("not an Argon2 hash string");
        }
        int memory = -1;
        int iterations = -1;
        int parallelism = -1;
        for (String parameter : parts[next].split(",")) {
            String[] pair = parameter.split("=", 2);
            int value = Integer.parseInt(pair.length == 2 ? pair[1] : "");
            switch (pair[0]) {
                case "m" -> memory = value;
                case "t" -> iterations = value;
                case "p" -> parallelism = value;
                default -> throw new IllegalArgumentException("unknown Argon2 parameter " + pair[0]);
            }
        }
        if (memory < 1 || iterations < 1 || parallelism < 1) {
            throw new IllegalArgumentException("Argon2 hash string lacks m, t or p");
        }
        return new Argon2HashString(TYPES.get(parts[1]), version, memory, iterations, parallelism,
                DECODER.decode(parts[next + 1]), DECODER.decode(parts[next + 2]));
    }
}
