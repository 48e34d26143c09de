package org.identityledger.infrastructure.crypto;

import org.axonframework.common.IdentifierFactory;

import java.util.HexFormat;

/**
 * Axon's identifiers for every command, event and result message: random (version 4) UUIDs in their
 * usual text form, exactly what Axon's DefaultIdentifierFactory makes, drawn from this thread's
 * generator ({@link Randomness}) instead of UUID.randomUUID()'s one JVM-wide NativePRNG, on whose
 * monitor a refresh waited several times. Axon finds it through java.util.ServiceLoader
 * (META-INF/services/org.axonframework.common.IdentifierFactory), before any message is created.
 */
public final class MessageIdentifiers extends IdentifierFactory {

    private static final HexFormat HEX = HexFormat.of();

    @Override
    public String generateIdentifier() {
        byte[] bytes = Randomness.bytes(16);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        String hex = HEX.formatHex(bytes);
        return hex.substring(0, 8) + '-' + hex.substring(8, 12) + '-' + hex.substring(12, 16) + '-'
                + hex.substring(16, 20) + '-' + hex.substring(20);
    }
}
