package org.identityledger.web;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.identityledger.infrastructure.token.OwnKeyTokens;
import org.identityledger.infrastructure.token.SigningKeys;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URL;
import java.time.Instant;
import java.util.Date;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** An outside resource server's view: it knows only the JWKS address, the issuer and the audience. */
class JwksVerificationTest extends IntegrationTest {

    private static final String ISSUER = "http://localhost:8080";

    @Autowired
    private SigningKeys signingKeys;

    private DefaultJWTProcessor<SecurityContext> resourceServer() throws Exception {
        JWKSource<SecurityContext> keys = JWKSourceBuilder
                .create(new URL("http://localhost:" + port + "/.well-known/jwks.json"))
                .retrying(true).build();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>("identity-ledger", new JWTClaimsSet.Builder().issuer(ISSUER).build(),
                Set.of("sub", "sid", "aud", "iat", "exp", "jti")));
        return processor;
    }

    @Test
    void anAccessTokenVerifiesAgainstThePublishedKeysAlone() throws Exception {
        String email = uniqueEmail();
        String accountRef = signUp(browser(), email);
        HttpAnswer tokens = nativeLogIn(email);
        String accessToken = tokens.text("access_token");

        JWTClaimsSet claims = resourceServer().process(accessToken, null);

        SignedJWT jwt = SignedJWT.parse(accessToken);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.getHeader().getKeyID()).isNotBlank();
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getAudience()).containsExactly("identity-ledger");
        assertThat(claims.getSubject()).isEqualTo(accountRef);
        assertThat(claims.getStringClaim("sid")).isEqualTo(tokens.text("session_id"));
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getExpirationTime().toInstant())
                .isEqualTo(claims.getIssueTime().toInstant().plusSeconds(600))
                .isAfter(Instant.now());
        HttpAnswer jwks = browser().get("/.well-known/jwks.json");
        assertThat(jwks.json().path("keys").findValuesAsText("kid")).contains(jwt.getHeader().getKeyID());
        assertThat(jwks.body()).doesNotContain("\"d\"");
    }

    @Test
    void afterKeyRotationOldTokensKeepVerifyingAndNewTokensUseTheNewKey() throws Exception {
        String email = uniqueEmail();
        signUp(browser(), email);
        String before = nativeLogIn(email).text("access_token");

        signingKeys.rotate();
        String after = nativeLogIn(email).text("access_token");

        assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isNotEqualTo(SignedJWT.parse(before).getHeader().getKeyID());
        resourceServer().process(before, null);
        resourceServer().process(after, null);
        assertThat(nativeClient().bearer(before).get("/v1/auth/me").status()).isEqualTo(200);
        assertThat(nativeClient().bearer(after).get("/v1/auth/me").status()).isEqualTo(200);
    }

    /** A key made by a clock ahead of this one (another instance's, a corrected one) must not outrank the next rotation. */
    @Test
    void aRotationAlwaysMakesTheSigningKeyEvenAfterAKeyFromAClockAhead() throws Exception {
        String email = uniqueEmail();
        signUp(browser(), email);
        clock.advance(java.time.Duration.ofDays(2));
        signingKeys.rotate();
        clock.reset();
        String before = nativeLogIn(email).text("access_token");

        signingKeys.rotate();
        String after = nativeLogIn(email).text("access_token");

        assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isNotEqualTo(SignedJWT.parse(before).getHeader().getKeyID());
        assertThat(nativeClient().bearer(after).get("/v1/auth/me").status()).isEqualTo(200);
    }

    @Test
    void anExpiredAccessTokenIsRefusedEvenWhileItsSessionLives() {
        String email = uniqueEmail();
        signUp(browser(), email);
        HttpAnswer tokens = nativeLogIn(email);

        clock.advance(java.time.Duration.ofMinutes(11));

        nativeClient().bearer(tokens.text("access_token")).get("/v1/auth/me").assertProblem(401, "UNAUTHENTICATED");
        HttpAnswer refreshed = refresh(tokens.text("refresh_token"));
        assertThat(nativeClient().bearer(refreshed.text("access_token")).get("/v1/auth/me").status()).isEqualTo(200);
    }

    @Test
    void noPrivateKeyIsStoredInTheClear() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM signing_key WHERE position(convert_to('\"d\"', 'UTF8') in sealed_private) > 0",
                Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM signing_key WHERE public_jwk LIKE '%\"d\"%'", Long.class)).isZero();
    }

    @Test
    void onlyAccessTokensAreAcceptedAsAccessTokensEvenWhenOurKeySignedThem() {
        String email = uniqueEmail();
        String accountRef = signUp(browser(), email);
        HttpAnswer tokens = nativeLogIn(email);
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject(accountRef).audience("identity-ledger")
                .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 300_000))
                .jwtID("test-" + System.nanoTime()).claim("sid", tokens.text("session_id")).build();

        String accessType = OwnKeyTokens.sign(signingKeys, new JOSEObjectType("at+jwt"), claims);
        assertThat(nativeClient().bearer(accessType).get("/v1/auth/me").status()).as("control: the right typ").isEqualTo(200);
        for (JOSEObjectType wrong : new JOSEObjectType[]{null, JOSEObjectType.JWT, new JOSEObjectType("JWT"),
                new JOSEObjectType("id_token+jwt"), new JOSEObjectType("application/at+jwt+x")}) {
            String token = OwnKeyTokens.sign(signingKeys, wrong, claims);
            nativeClient().bearer(token).get("/v1/auth/me").assertProblem(401, "UNAUTHENTICATED");
        }
    }
}
