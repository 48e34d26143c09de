package org.identityledger.infrastructure.abuse;

import org.identityledger.command.port.TrustedDevices;
import org.identityledger.infrastructure.crypto.Randomness;
import org.identityledger.infrastructure.token.KeyEncryptionKey;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * Device cookies (OWASP "Slow Down Online Guessing Attacks with Device Cookies"): after a successful
 * sign-in the browser gets a signed token naming the account it proved itself for. Failed attempts
 * from such a device count against that device's own bucket, not the account-wide one, so an
 * attacker guessing from elsewhere can exhaust the account-wide limit without locking the real
 * owner out.
 */
@Component
public class DeviceTrust implements TrustedDevices {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    DeviceTrust(KeyEncryptionKey keyEncryptionKey) {
        this.key = keyEncryptionKey.derive("device-cookie");
    }

    /** A new device token for the (normalised) email the browser just signed in with. */
    @Override
    public String issue(String normalizedEmail) {
        byte[] nonce = new byte[16];
        Randomness.current().nextBytes(nonce);
        String nonceText = ENCODER.encodeToString(nonce);
        return nonceText + "." + mac(nonceText, normalizedEmail);
    }

    /** The device's id if the token is genuine and was issued for this email; empty otherwise. */
    @Override
    public Optional<String> deviceFor(String token, String normalizedEmail) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String nonce = token.substring(0, dot);
        byte[] expected = mac(nonce, normalizedEmail).getBytes(StandardCharsets.US_ASCII);
        byte[] presented = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, presented) ? Optional.of(nonce) : Optional.empty();
    }

    private String mac(String nonce, String normalizedEmail) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return ENCODER.encodeToString(mac.doFinal((nonce + "\n" + normalizedEmail).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException failure) {
            throw new IllegalStateException(failure);
        }
    }
}
