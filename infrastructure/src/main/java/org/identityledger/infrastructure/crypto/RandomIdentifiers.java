package org.identityledger.infrastructure.crypto;

import org.identityledger.command.common.Identifiers;
import org.springframework.stereotype.Component;

import java.util.Base64;

/**
 * Opaque public ids with a readable prefix: 128 random bits, so they reveal neither order nor
 * volume and cannot be guessed.
 */
@Component
public class RandomIdentifiers implements Identifiers {

    private static final int ID_BYTES = 16;

    @Override
    public String newAccountRef() {
        return "acc_" + randomPart();
    }

    @Override
    public String newSessionId() {
        return "ses_" + randomPart();
    }

    @Override
    public String newBusinessId() {
        return "biz_" + randomPart();
    }

    @Override
    public String newInvitationId() {
        return "inv_" + randomPart();
    }

    private String randomPart() {
        byte[] bytes = Randomness.bytes(ID_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
