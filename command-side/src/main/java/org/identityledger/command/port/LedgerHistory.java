package org.identityledger.command.port;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The ledger as auditors read it: the stored events with their seals (the export), the events
 * decoded, and the newest signed checkpoint. Each read hands its lines to a sink one at a time, so
 * a caller can stream any length in constant memory.
 */
public interface LedgerHistory {

    /** One sealed event in its stored form: the payload as stored now, the hashes as sealed. */
    record StoredEvent(long position, String eventId, String type, String revision, String aggregateId, long sequence,
                       String timestamp, byte[] payload, String payloadSha256, String prevHash, String hash) {
    }

    /** One event decoded at its current revision; credential fields already redacted in {@code payloadJson}. */
    record DecodedEvent(long position, String eventId, String type, String revision, String aggregateType, String aggregateId,
                        Long sequence, Instant timestamp, String actorRef, String payloadJson) {
    }

    /** After a position (exclusive), at most {@code limit} (null: to the head), and filters (null: any). */
    record Filter(long after, Long limit, String accountRef, String aggregateId, String type, Instant from, Instant to) {
    }

    record Checkpoint(long position, String hash, Instant signedAt, String jws) {
    }

    long export(long after, Long limit, Consumer<StoredEvent> sink);

    long events(Filter filter, Consumer<DecodedEvent> sink);

    Optional<Checkpoint> latestCheckpoint();
}
