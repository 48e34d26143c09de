package org.identityledger.web.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import org.identityledger.command.port.LedgerHistory;

import java.io.IOException;
import java.io.UncheckedIOException;

/** How ledger lines are written, once: the decoded form (auditors' stream, a person's own export) and the stored form (the export). */
public final class LedgerLines {

    private LedgerLines() {
    }

    /** One decoded event as the contract prints it: {position, event_id, type, revision, aggregate_type, aggregate_id, sequence, timestamp, actor_ref, payload}. */
    public static void write(JsonGenerator lines, LedgerHistory.DecodedEvent line) {
        try {
            start(lines, line.position(), line.eventId(), line.type(), line.revision());
            lines.writeStringField("aggregate_type", line.aggregateType());
            lines.writeStringField("aggregate_id", line.aggregateId());
            if (line.sequence() == null) {
                lines.writeNullField("sequence");
            } else {
                lines.writeNumberField("sequence", line.sequence());
            }
            lines.writeStringField("timestamp", line.timestamp().toString());
            lines.writeStringField("actor_ref", line.actorRef());
            lines.writeFieldName("payload");
            if (line.payloadJson() == null) {
                lines.writeNull();
            } else {
                lines.writeRawValue(line.payloadJson());
            }
            lines.writeEndObject();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** One sealed event in its stored form: {position, event_id, type, revision, aggregate_id, sequence, timestamp, payload_base64, payload_sha256, prev_hash, hash}. */
    public static void write(JsonGenerator lines, LedgerHistory.StoredEvent line) {
        try {
            start(lines, line.position(), line.eventId(), line.type(), line.revision());
            lines.writeStringField("aggregate_id", line.aggregateId());
            lines.writeNumberField("sequence", line.sequence());
            lines.writeStringField("timestamp", line.timestamp());
            lines.writeStringField("payload_base64", java.util.Base64.getEncoder().encodeToString(line.payload()));
            lines.writeStringField("payload_sha256", line.payloadSha256());
            lines.writeStringField("prev_hash", line.prevHash());
            lines.writeStringField("hash", line.hash());
            lines.writeEndObject();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** The fields every line begins with, the same in both forms. */
    private static void start(JsonGenerator lines, long position, String eventId, String type, String revision) throws IOException {
        lines.writeStartObject();
        lines.writeNumberField("position", position);
        lines.writeStringField("event_id", eventId);
        lines.writeStringField("type", type);
        lines.writeStringField("revision", revision);
    }
}
