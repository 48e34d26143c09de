package org.identityledger.infrastructure.token;

import org.identityledger.command.port.PublishedKeys;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.identityledger.infrastructure.config.IdentityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The ES256 keys that sign access tokens, shared by every instance through PostgreSQL. The newest
 * key signs; an older key stays published (and verifying) until every token it signed has expired.
 * Keys rotate when the newest is older than identity.jwt.key-rotation-interval.
 */
@Component
public class SigningKeys implements PublishedKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final JdbcTemplate jdbc;
    private final KeyEncryptionKey keyEncryptionKey;
    private final Clock clock;
    private final Duration rotationInterval;
    private final Duration accessTokenLifetime;
    private final SecureRandom random = new SecureRandom();
    private volatile List<StoredKey> keys = List.of();

    SigningKeys(JdbcTemplate jdbc, KeyEncryptionKey keyEncryptionKey, Clock clock, IdentityProperties properties) {
        this.jdbc = jdbc;
        this.keyEncryptionKey = keyEncryptionKey;
        this.clock = clock;
        this.rotationInterval = properties.getJwt().getKeyRotationInterval();
        this.accessTokenLifetime = properties.getJwt().getAccessTokenLifetime();
        reload();
        if (keys.isEmpty() || keys.get(0).createdAt().plus(rotationInterval).isBefore(clock.instant())) {
            rotate();
        }
    }

    /** The key that signs new tokens. */
    ECKey current() {
        return keys.get(0).key();
    }

    /** A signer for the current key (its precomputation is reused across tokens). */
    JWSSigner signer() {
        return keys.get(0).signer();
    }

    Optional<JWSVerifier> verifier(String kid) {
        Set<String> verifying = verifyingKeys().stream().map(ECKey::getKeyID).collect(java.util.stream.Collectors.toSet());
        return keys.stream().filter(key -> key.key().getKeyID().equals(kid) && verifying.contains(kid))
                .findFirst().map(StoredKey::verifier);
    }

    /** Keys that may have signed a token that has not expired yet. */
    @Override
    public java.util.Map<String, Object> publicKeySet() {
        return publishedKeys().toJSONObject(true);
    }

    public JWKSet publishedKeys() {
        return new JWKSet(verifyingKeys().stream().map(ECKey::toPublicJWK).map(key -> (com.nimbusds.jose.jwk.JWK) key).toList());
    }

    /**
     * A compact ES256 JWS over {@code payloadJson} with the current key (its {@code kid} in the JWKS):
     * what the ledger's checkpoints are signed with, so anyone holding the published keys can check them.
     */
    public String signCompact(String payloadJson) {
        try {
            StoredKey key = keys.get(0);
            com.nimbusds.jose.JWSObject jws = new com.nimbusds.jose.JWSObject(
                    new com.nimbusds.jose.JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.key().getKeyID()).build(),
                    new com.nimbusds.jose.Payload(payloadJson));
            jws.sign(key.signer());
            return jws.serialize();
        } catch (JOSEException failure) {
            throw new IllegalStateException("cannot sign", failure);
        }
    }

    /**
     * Makes a new current key now; the previous one keeps verifying for one access-token lifetime.
     * The new key is always the newest, even when this instance's clock is behind the one that made
     * the current key (another instance's, or this one's before a correction): otherwise a rotation
     * would add a key that never signs.
     */
    public synchronized void rotate() {
        reload();
        Instant createdAt = clock.instant();
        if (!keys.isEmpty() && !createdAt.isAfter(keys.get(0).createdAt())) {
            createdAt = keys.get(0).createdAt().plusMillis(1);
        }
        try {
            byte[] kidBytes = new byte[12];
            random.nextBytes(kidBytes);
            String kid = Base64.getUrlEncoder().withoutPadding().encodeToString(kidBytes);
            ECKey key = new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256).generate();
            jdbc.update("INSERT INTO signing_key (kid, algorithm, public_jwk, sealed_private, created_at)"
                            + " VALUES (?, ?, ?, ?, ?)",
                    kid, "ES256", key.toPublicJWK().toJSONString(), keyEncryptionKey.seal(key.toJSONString(), kid),
                    Timestamp.from(createdAt));
            log.info("New access-token signing key {}", kid);
            reload();
        } catch (JOSEException failure) {
            throw new IllegalStateException("cannot generate a signing key", failure);
        }
    }

    /** Other instances may have rotated; and the newest key may be due for rotation. */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void refresh() {
        try {
            reload();
            if (keys.get(0).createdAt().plus(rotationInterval).isBefore(clock.instant())) {
                rotate();
            }
        } catch (RuntimeException failure) {
            log.warn("Could not refresh signing keys: {}", failure.toString());
        }
    }

    private List<ECKey> verifyingKeys() {
        Instant now = clock.instant();
        List<StoredKey> snapshot = keys;
        List<ECKey> verifying = new ArrayList<>();
        for (int i = 0; i < snapshot.size(); i++) {
            boolean newest = i == 0;
            // A key signed tokens until its successor appeared; those live one access-token lifetime more.
            if (newest || snapshot.get(i - 1).createdAt().plus(accessTokenLifetime).plusSeconds(60).isAfter(now)) {
                verifying.add(snapshot.get(i).key());
            }
        }
        return verifying;
    }

    private void reload() {
        keys = jdbc.query("SELECT kid, sealed_private, created_at FROM signing_key WHERE retired_at IS NULL"
                        + " ORDER BY created_at DESC, kid",
                (row, index) -> new StoredKey(parse(keyEncryptionKey.open(row.getBytes(2), row.getString(1))),
                        row.getTimestamp(3).toInstant()));
    }

    private static ECKey parse(String json) {
        try {
            return ECKey.parse(json);
        } catch (ParseException failure) {
            throw new IllegalStateException("unreadable signing key", failure);
        }
    }

    private record StoredKey(ECKey key, Instant createdAt, JWSSigner signer, JWSVerifier verifier) {

        StoredKey(ECKey key, Instant createdAt) {
            this(key, createdAt, Es256.signer(key), Es256.verifier(key));
        }
    }
}
