package org.identityledger.infrastructure.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSProvider;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.util.BigIntegers;
import org.identityledger.infrastructure.crypto.Randomness;

import java.math.BigInteger;
import java.util.Set;

/**
 * ES256 (ECDSA P-256, SHA-256, RFC 7518 §3.4) on BouncyCastle's lightweight API with one shared
 * curve instance, so the generator's fixed-point precomputation is computed once per JVM rather
 * than on every signature. The profile of a refresh showed 70% of its CPU in JDK 17's P-256 and,
 * through the JCA, 42% in repeating BouncyCastle's precomputation; nonces are deterministic (RFC 6979).
 */
final class Es256 {

    private static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");
    private static final ECDomainParameters DOMAIN =
            new ECDomainParameters(P256.getCurve(), P256.getG(), P256.getN(), P256.getH());
    private static final int FIELD_BYTES = 32;

    static {
        // Every signature blinds its field inversions with BouncyCastle's default SecureRandom.
        Randomness.serveBouncyCastle();
    }

    private Es256() {
    }

    static JWSSigner signer(ECKey key) {
        ECPrivateKeyParameters privateKey = new ECPrivateKeyParameters(key.getD().decodeToBigInteger(), DOMAIN);
        return new Es256Signer() {
            @Override
            public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
                requireEs256(header);
                ECDSASigner ecdsa = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
                ecdsa.init(true, privateKey);
                BigInteger[] signature = ecdsa.generateSignature(sha256(signingInput));
                byte[] concatenated = new byte[2 * FIELD_BYTES];
                BigIntegers.asUnsignedByteArray(signature[0], concatenated, 0, FIELD_BYTES);
                BigIntegers.asUnsignedByteArray(signature[1], concatenated, FIELD_BYTES, FIELD_BYTES);
                return Base64URL.encode(concatenated);
            }
        };
    }

    static JWSVerifier verifier(ECKey key) {
        ECPublicKeyParameters publicKey = new ECPublicKeyParameters(DOMAIN.getCurve().createPoint(
                key.getX().decodeToBigInteger(), key.getY().decodeToBigInteger()), DOMAIN);
        return new Es256Verifier() {
            @Override
            public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
                requireEs256(header);
                byte[] concatenated = signature.decode();
                if (concatenated.length != 2 * FIELD_BYTES) {
                    return false;
                }
                BigInteger r = BigIntegers.fromUnsignedByteArray(concatenated, 0, FIELD_BYTES);
                BigInteger s = BigIntegers.fromUnsignedByteArray(concatenated, FIELD_BYTES, FIELD_BYTES);
                ECDSASigner ecdsa = new ECDSASigner();
                ecdsa.init(false, publicKey);
                return ecdsa.verifySignature(sha256(signingInput), r, s);
            }
        };
    }

    /** What nimbus asks every signer and verifier: which algorithm, and a JCA context it never uses here. */
    private abstract static class Es256Provider implements JWSProvider {
        @Override
        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return Set.of(JWSAlgorithm.ES256);
        }

        @Override
        public JCAContext getJCAContext() {
            return new JCAContext();
        }
    }

    private abstract static class Es256Signer extends Es256Provider implements JWSSigner {
    }

    private abstract static class Es256Verifier extends Es256Provider implements JWSVerifier {
    }

    private static void requireEs256(JWSHeader header) throws JOSEException {
        if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())) {
            throw new JOSEException("only ES256 is supported");
        }
    }

    private static byte[] sha256(byte[] input) {
        SHA256Digest digest = new SHA256Digest();
        digest.update(input, 0, input.length);
        byte[] output = new byte[digest.getDigestSize()];
        digest.doFinal(output, 0);
        return output;
    }
}
