package org.identityledger.infrastructure.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.identityledger.infrastructure.config.IdentityProperties;
import org.identityledger.infrastructure.config.PublicLinks;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;

/**
 * Short-lived ES256 access tokens for native and partner clients. Other services can verify them
 * offline against /.well-known/jwks.json; this service additionally checks on every request that
 * the token's session is still live, so a revocation takes effect before the token expires.
 */
@Component
public class AccessTokens {

    private static final JOSEObjectType TYPE = new JOSEObjectType("at+jwt");
    private static final int MAX_TOKEN_LENGTH = 4096;

    private final SigningKeys signingKeys;
    private final Clock clock;
    private final IdentityProperties properties;
    private final PublicLinks links;
    private final SecureRandom random = new SecureRandom();

    AccessTokens(SigningKeys signingKeys, Clock clock, IdentityProperties properties, PublicLinks links) {
        this.signingKeys = signingKeys;
        this.clock = clock;
        this.properties = properties;
        this.links = links;
    }

    public IssuedAccessToken issue(String sessionId, String accountRef) {
        Instant now = clock.instant();
        Duration lifetime = properties.getJwt().getAccessTokenLifetime();
        ECKey key = signingKeys.current();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject(accountRef)
                .audience(properties.getJwt().getAudience())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(randomId())
                .claim("sid", sessionId)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(TYPE).build(), claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException failure) {
            throw new IllegalStateException("cannot sign an access token", failure);
        }
        return new IssuedAccessToken(jwt.serialize(), lifetime.toSeconds());
    }

    /** The token's claims if it is ours, untampered, unexpired and meant for us; empty otherwise. */
    public Optional<AccessTokenClaims> verify(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWSHeader header = jwt.getHeader();
            // Only our algorithm: "none", HS256-with-the-public-key and friends are refused up front.
            if (!JWSAlgorithm.ES256.equals(header.getAlgorithm()) || header.getKeyID() == null) {
                return Optional.empty();
            }
            Optional<ECKey> key = signingKeys.verifyingKey(header.getKeyID());
            if (key.isEmpty() || !jwt.verify(new ECDSAVerifier(key.get()))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            boolean valid = issuer().equals(claims.getIssuer())
                    && claims.getAudience() != null && claims.getAudience().contains(properties.getJwt().getAudience())
                    && claims.getExpirationTime() != null && now.isBefore(claims.getExpirationTime().toInstant())
                    && claims.getSubject() != null && claims.getStringClaim("sid") != null;
            return valid ? Optional.of(new AccessTokenClaims(claims.getStringClaim("sid"), claims.getSubject()))
                    : Optional.empty();
        } catch (ParseException | JOSEException | RuntimeException unusable) {
            return Optional.empty();
        }
    }

    public String issuer() {
        String configured = properties.getJwt().getIssuer();
        return configured != null && !configured.isBlank() ? configured : links.baseUrl();
    }

    private String randomId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public record IssuedAccessToken(String token, long expiresInSeconds) {
    }

    public record AccessTokenClaims(String sessionId, String accountRef) {
    }
}
