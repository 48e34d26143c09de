package org.identityledger.infrastructure.token;

import org.identityledger.infrastructure.config.IdentityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Seals keys before they go into PostgreSQL (AES-256-GCM, what the key is for as associated data):
 * signing keys (by kid), so a database dump alone cannot mint access tokens, and the per-account data
 * keys that seal personal data in events (by subject), so a dump alone cannot read it. The key comes from identity.jwt.key-encryption-key
 * (production: from a secret store) or, in the embedded default, a file created in the data directory.
 */
@Component
public class KeyEncryptionKey {

    private static final Logger log = LoggerFactory.getLogger(KeyEncryptionKey.class);
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    KeyEncryptionKey(IdentityProperties properties) {
        String configured = properties.getJwt().getKeyEncryptionKey();
        byte[] bytes = configured != null && !configured.isBlank()
                ? Base64.getDecoder().decode(configured.strip())
                : fromFile(properties.getDataDir().resolve("keys").resolve("key-encryption-key"));
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException("identity.jwt.key-encryption-key must be base64 of 32 bytes");
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    /** A key for another purpose, derived so that one secret to manage covers all of them. */
    public SecretKeySpec derive(String purpose) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(key);
            return new SecretKeySpec(mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
        } catch (GeneralSecurityException failure) {
            throw new IllegalStateException("cannot derive a key", failure);
        }
    }

    public byte[] seal(String plaintext, String kid) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException failure) {
            throw new IllegalStateException("cannot seal a key", failure);
        }
    }

    public String open(byte[] sealed, String kid) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException failure) {
            throw new IllegalStateException("cannot open key " + kid + ": wrong key-encryption key?", failure);
        }
    }

    private byte[] fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            Files.createDirectories(file.getParent());
            byte[] bytes = new byte[KEY_BYTES];
            random.nextBytes(bytes);
            Files.writeString(file, Base64.getEncoder().encodeToString(bytes));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Best effort on non-POSIX file systems.
            }
            log.warn("Created a key-encryption key for access-token signing keys at {}; in production set"
                    + " identity.jwt.key-encryption-key from a secret store instead", file);
            return bytes;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
