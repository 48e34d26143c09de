package org.identityledger.events.sealing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * The stored form of personal and credential fields: each value sealed on its own with AES-256-GCM
 * under the subject's data key, the event id and the field name as associated data (a sealed value
 * moved into another event or field no longer opens), written as {@code "sealed:v1:" +
 * base64url(nonce ‖ ciphertext ‖ tag)}. Without the key (erased) a sealed field reads
 * {@value #ERASED}. Pure functions on the JSON tree, so golden files pin them.
 */
public final class SealedFields {

    /** What a personal or credential field reads as once its subject's data key is destroyed. */
    public static final String ERASED = "[erased]";
    static final String PREFIX = "sealed:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /**
     * One cipher per thread: looking a cipher up is dearer than using it (a decoded audit stream opens
     * two fields per event), and every use re-initialises it with its own key and nonce.
     */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException missing) {
            throw new IllegalStateException("every JVM has AES/GCM", missing);
        }
    });

    private SealedFields() {
    }

    /** The stored subject of a payload in clear or sealed form (the subject field is never sealed). */
    public static String subject(JsonNode payload, SealedLayout layout) {
        JsonNode subject = payload.get(layout.subjectField());
        return subject == null || subject.isNull() ? null : subject.asText();
    }

    /** Seals every non-null sealed field of {@code payload} in place. */
    public static void seal(ObjectNode payload, SealedLayout layout, String eventId, SecretKey key,
                            Supplier<byte[]> nonces) {
        for (String field : layout.sealedFields()) {
            JsonNode value = payload.get(field);
            if (value != null && !value.isNull()) {
                payload.put(field, sealValue(value.asText(), eventId, field, key, nonces.get()));
            }
        }
    }

    /** Opens every sealed field of {@code payload} in place; {@code key == null} (erased) writes {@value #ERASED}. */
    public static void open(ObjectNode payload, SealedLayout layout, String eventId, SecretKey key) {
        for (String field : layout.sealedFields()) {
            JsonNode value = payload.get(field);
            if (value != null && !value.isNull()) {
                payload.put(field, key == null ? ERASED : openValue(value.asText(), eventId, field, key));
            }
        }
    }

    /** A payload stored in clear (an earlier revision) of an erased subject reads as erased all the same. */
    public static void erase(ObjectNode payload, SealedLayout layout) {
        for (String field : layout.sealedFields()) {
            JsonNode value = payload.get(field);
            if (value != null && !value.isNull()) {
                payload.put(field, ERASED);
            }
        }
    }

    static String sealValue(String plaintext, String eventId, String field, SecretKey key, byte[] nonce) {
        if (nonce.length != NONCE_BYTES) {
            throw new IllegalArgumentException("a GCM nonce is 12 bytes");
        }
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(eventId, field));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(stored);
        } catch (GeneralSecurityException failure) {
            throw new IllegalStateException("cannot seal field " + field, failure);
        }
    }

    static String openValue(String stored, String eventId, String field, SecretKey key) {
        if (!stored.startsWith(PREFIX)) {
            throw new SealedFieldException("field " + field + " of event " + eventId + " is not in the sealed form");
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(eventId, field));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException failure) {
            throw new SealedFieldException("field " + field + " of event " + eventId + " does not open under its"
                    + " subject's data key (altered, moved from another event, or a wrong key)", failure);
        }
    }

    private static byte[] associatedData(String eventId, String field) {
        return (eventId + "|" + field).getBytes(StandardCharsets.UTF_8);
    }
}
