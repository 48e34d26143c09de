package org.identityledger.infrastructure.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Tokens signed with the service's own current key but shaped by the test, to prove that a valid
 * signature alone is not enough. Lives in the token package to reach the key without widening it.
 */
public final class OwnKeyTokens {

    private OwnKeyTokens() {
    }

    /** type null leaves the typ header out. */
    public static String sign(SigningKeys keys, JOSEObjectType type, JWTClaimsSet claims) {
        JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keys.current().getKeyID());
        if (type != null) {
            header.type(type);
        }
        SignedJWT jwt = new SignedJWT(header.build(), claims);
        try {
            jwt.sign(keys.signer());
        } catch (JOSEException impossible) {
            throw new IllegalStateException(impossible);
        }
        return jwt.serialize();
    }
}
