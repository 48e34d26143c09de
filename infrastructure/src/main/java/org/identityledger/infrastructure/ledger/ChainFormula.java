package org.identityledger.infrastructure.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain's formula, exactly as the contract prints it (docs/API.md, "Hash chain"), in the
 * one place the sealer and the verifier both call:
 * {@code hash = hex(SHA-256(UTF-8(prev_hash|position|event_id|type|revision|aggregate_id|sequence|timestamp|payload_sha256)))},
 * {@code payload_sha256 = hex(SHA-256(stored payload bytes))}, revision "" when absent, and the
 * first event's {@code prev_hash} 64 zeros.
 */
public final class ChainFormula {

    public static final String GENESIS = "0".repeat(64);

    private ChainFormula() {
    }

    /** One sealed event's fields, as the export prints them. */
    public record Link(long position, String eventId, String type, String revision, String aggregateId, long sequence,
                       String timestamp, String payloadSha256) {
    }

    public static String hash(String previousHash, Link link) {
        String input = previousHash + "|" + link.position() + "|" + link.eventId() + "|" + link.type() + "|"
                + (link.revision() == null ? "" : link.revision()) + "|" + link.aggregateId() + "|" + link.sequence() + "|"
                + link.timestamp() + "|" + link.payloadSha256();
        return sha256(input.getBytes(StandardCharsets.UTF_8));
    }

    public static String payloadSha256(byte[] payload) {
        return sha256(payload);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
