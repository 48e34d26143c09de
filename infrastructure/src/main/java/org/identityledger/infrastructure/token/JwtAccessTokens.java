package org.identityledger.infrastructure.token;

import org.identityledger.command.port.AccessTokens;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.identityledger.infrastructure.config.IdentityProperties;
import org.identityledger.infrastructure.config.PublicLinks;
import org.springframework.stereotype.Component;

import org.identityledger.infrastructure.crypto.Randomness;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Short-lived ES256 access tokens for native and partner clients. Other services can verify them
 * offline against /.well-known/jwks.json; this service additionally checks on every request that
 * the token's session is still live, so a revocation takes effect before the token expires.
 */
@Component
public class JwtAccessTokens implements AccessTokens {

    private static final JOSEObjectType TYPE = new JOSEObjectType("at+jwt");
    private static final int MAX_TOKEN_LENGTH = 4096;
    /** Verified tokens remembered, so the ECDSA check runs once per token, not once per request. */
    private static final int VERIFIED_CACHE_LIMIT = 50_000;

    private final SigningKeys signingKeys;
    private final Clock clock;
    private final IdentityProperties properties;
    private final PublicLinks links;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    JwtAccessTokens(SigningKeys signingKeys, Clock clock, IdentityProperties properties, PublicLinks links) {
        this.signingKeys = signingKeys;
        this.clock = clock;
        this.properties = properties;
        this.links = links;
    }

    @Override
    public IssuedAccessToken issue(String sessionId, String accountRef, String context, String businessId) {
        Instant now = clock.instant();
        Duration lifetime = properties.getJwt().getAccessTokenLifetime();
        ECKey key = signingKeys.current();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject(accountRef)
                .audience(properties.getJwt().getAudience())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(randomId())
                .claim("sid", sessionId)
                .claim("ctx", context);
        if (businessId != null) {
            builder.claim("bid", businessId);
        }
        JWTClaimsSet claims = builder.build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(TYPE).build(), claims);
        try {
            jwt.sign(signingKeys.signer());
        } catch (JOSEException failure) {
            throw new IllegalStateException("cannot sign an access token", failure);
        }
        return new IssuedAccessToken(jwt.serialize(), lifetime.toSeconds());
    }

    /**
     * The token's claims if it is ours, untampered, unexpired and meant for us; empty otherwise. The
     * session behind it is checked by the caller on every request; only the signature check is cached.
     */
    @Override
    public Optional<AccessTokenClaims> verify(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Verified known = verified.get(token);
        if (known != null) {
            return now.isBefore(known.expiresAt()) ? Optional.of(known.claims()) : Optional.empty();
        }
        Optional<Verified> checked = verifySignatureAndClaims(token, now);
        checked.ifPresent(result -> {
            if (verified.size() >= VERIFIED_CACHE_LIMIT) {
                verified.clear();
            }
            verified.put(token, result);
        });
        return checked.map(Verified::claims);
    }

    private Optional<Verified> verifySignatureAndClaims(String token, Instant now) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWSHeader header = jwt.getHeader();
            // Only our algorithm: "none", HS256-with-the-public-key and friends are refused up front.
            if (!JWSAlgorithm.ES256.equals(header.getAlgorithm()) || header.getKeyID() == null) {
                return Optional.empty();
            }
            // RFC 9068 §4 / RFC 8725 §3.11: only a token typed as an access token is one, so no other
            // JWT this key may ever sign (an ID token, a link token) can be replayed as a credential.
            // Every token issued since the first release carries typ "at+jwt", so none is lost.
            if (!isAccessTokenType(header.getType())) {
                return Optional.empty();
            }
            Optional<JWSVerifier> verifier = signingKeys.verifier(header.getKeyID());
            if (verifier.isEmpty() || !jwt.verify(verifier.get())) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            boolean valid = issuer().equals(claims.getIssuer())
                    && claims.getAudience() != null && claims.getAudience().contains(properties.getJwt().getAudience())
                    && claims.getExpirationTime() != null && now.isBefore(claims.getExpirationTime().toInstant())
                    && claims.getSubject() != null && claims.getStringClaim("sid") != null;
            return valid ? Optional.of(new Verified(new AccessTokenClaims(claims.getStringClaim("sid"), claims.getSubject()),
                    claims.getExpirationTime().toInstant())) : Optional.empty();
        } catch (ParseException | JOSEException | RuntimeException unusable) {
            return Optional.empty();
        }
    }

    /** "at+jwt", or its long form "application/at+jwt"; media type names compare case-insensitively. */
    private static boolean isAccessTokenType(JOSEObjectType type) {
        if (type == null) {
            return false;
        }
        String value = type.getType();
        return TYPE.getType().equalsIgnoreCase(value) || ("application/" + TYPE.getType()).equalsIgnoreCase(value);
    }

    public String issuer() {
        String configured = properties.getJwt().getIssuer();
        return configured != null && !configured.isBlank() ? configured : links.baseUrl();
    }

    private String randomId() {
        byte[] bytes = Randomness.bytes(16);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }


    private record Verified(AccessTokenClaims claims, Instant expiresAt) {
    }
}
