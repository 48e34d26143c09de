package org.identityledger.infrastructure.crypto;

import org.identityledger.command.common.Secrets;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** 256-bit CSPRNG secrets, base64url without padding; stored only as lowercase hex SHA-256. */
@Component
public class RandomSecrets implements Secrets {

    private static final int SECRET_BYTES = 32;

    @Override
    public IssuedSecret issue() {
        byte[] bytes = Randomness.bytes(SECRET_BYTES);
        String raw = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new IssuedSecret(raw, hash(raw));
    }

    @Override
    public String hash(String rawSecret) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(rawSecret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }
}
