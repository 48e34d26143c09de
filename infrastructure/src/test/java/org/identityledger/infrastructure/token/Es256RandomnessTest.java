package org.identityledger.infrastructure.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import org.bouncycastle.crypto.CryptoServicesRegistrar;
import org.identityledger.infrastructure.crypto.Randomness;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing draws BouncyCastle's blinding from the signing thread's own generator, not the JVM-wide NativePRNG. */
class Es256RandomnessTest {

    @Test
    void aSignatureBlindsWithTheSigningThreadsOwnGenerator() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();
        JWSHeader header = new JWSHeader(JWSAlgorithm.ES256);
        byte[] input = "header.payload".getBytes(StandardCharsets.US_ASCII);
        Base64URL signature = Es256.signer(key).sign(header, input);

        assertThat(Es256.verifier(key.toPublicJWK()).verify(header, input, signature)).isTrue();
        assertThat(CryptoServicesRegistrar.getSecureRandom()).isSameAs(Randomness.current());
        SecureRandom another = CompletableFuture.supplyAsync(CryptoServicesRegistrar::getSecureRandom).get();
        assertThat(another).isNotSameAs(Randomness.current());
    }
}
