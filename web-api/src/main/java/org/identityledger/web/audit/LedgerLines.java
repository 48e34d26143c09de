package org.identityledger.web.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import org.identityledger.command.port.LedgerHistory;

import java.io.IOException;
import java.io.UncheckedIOException;

/** How a decoded ledger event is written, once, for the auditors' stream and a person's own export. */
public final class LedgerLines {

    private LedgerLines() {
    }

    /** One decoded event as the contract prints it: {position, event_id, type, revision, aggregate_type, aggregate_id, sequence, timestamp, actor_ref, payload}. */
    public static void write(JsonGenerator lines, LedgerHistory.DecodedEvent line) {
        try {
            lines.writeStartObject();
            lines.writeNumberField("position", line.position());
            lines.writeStringField("event_id", line.eventId());
            lines.writeStringField("type", line.type());
            lines.writeStringField("revision", line.revision());
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
}
