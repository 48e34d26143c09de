package org.identityledger.infrastructure.crypto;

import org.identityledger.command.common.PasswordHasher;
import org.identityledger.infrastructure.config.IdentityProperties;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** Argon2id, PHC string format, parameters from {@code identity.password.*}. */
@Component
public class Argon2PasswordHasher implements PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final Argon2PasswordEncoder encoder;
    /** A real hash of nothing anyone knows, so unknown accounts cost exactly one verification. */
    private final String decoyHash;

    public Argon2PasswordHasher(IdentityProperties properties) {
        IdentityProperties.Password password = properties.getPassword();
        this.encoder = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, password.getArgon2Parallelism(),
                password.getArgon2MemoryKib(), password.getArgon2Iterations());
        this.decoyHash = encoder.encode(UUID.randomUUID().toString());
    }

    @Override
    public String hash(CharSequence password) {
        return encoder.encode(password);
    }

    @Override
    public boolean matches(CharSequence password, String storedHash) {
        return encoder.matches(password, storedHash);
    }

    @Override
    public void spendEquivalentWork(CharSequence password) {
        encoder.matches(password, decoyHash);
    }
}
