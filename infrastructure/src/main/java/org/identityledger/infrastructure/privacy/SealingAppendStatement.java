package org.identityledger.infrastructure.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.identityledger.events.EventJson;
import org.identityledger.events.sealing.SealedFields;
import org.identityledger.events.sealing.SealedLayout;
import org.identityledger.infrastructure.crypto.Randomness;

import javax.crypto.SecretKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Axon's insert of new events, with one step added between serializing a payload and binding it: the
 * payload's personal and credential fields are sealed under its subject's data key, with the event's
 * own id as associated data. This is the one place where the event id and the serialized payload meet
 * before the row is written, which is why sealing lives here and not in the serializer. The statement
 * is otherwise Axon's default ({@code JdbcEventStorageEngineStatements.appendEvents}).
 */
public class SealingAppendStatement implements AppendEventsStatementBuilder {

    private static final int NONCE_BYTES = 12;
    private final DataKeys dataKeys;
    private final ObjectMapper mapper = EventJson.objectMapper();

    public SealingAppendStatement(DataKeys dataKeys) {
        this.dataKeys = dataKeys;
    }

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, Class<?> dataType,
                                   List<? extends EventMessage<?>> events, Serializer serializer,
                                   TimestampWriter timestampWriter) throws SQLException {
        if (dataType != byte[].class) {
            throw new IllegalStateException("the event table stores payloads as bytea");
        }
        PreparedStatement statement = connection.prepareStatement(sql(schema, 1));
        for (EventMessage<?> eventMessage : events) {
            Row row = row(eventMessage, serializer);
            statement.setString(1, row.eventIdentifier());
            statement.setString(2, row.aggregateIdentifier());
            statement.setLong(3, row.sequenceNumber());
            statement.setString(4, row.type());
            timestampWriter.writeTimestamp(statement, 5, row.timestamp());
            statement.setString(6, row.payloadType());
            statement.setString(7, row.payloadRevision());
            statement.setBytes(8, row.payload());
            statement.setBytes(9, row.metaData());
            statement.addBatch();
        }
        return statement;
    }

    /** The insert of {@code rows} events, one {@code VALUES} list each, in the order of {@link Row#values}. */
    public static String sql(EventSchema schema, int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(schema.domainEventTable())
                .append(" (").append(schema.domainEventFields()).append(") VALUES ");
        for (int row = 0; row < rows; row++) {
            sql.append(row == 0 ? "" : ",").append("(?,?,?,?,?,?,?,?,?)");
        }
        return sql.toString();
    }

    /** The row an event becomes, its payload sealed. */
    public Row row(EventMessage<?> eventMessage, Serializer serializer) {
        DomainEventMessage<?> event = asDomainEvent(eventMessage);
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
        return new Row(event.getIdentifier(), event.getAggregateIdentifier(), event.getSequenceNumber(), event.getType(),
                event.getTimestamp(), payload.getType().getName(), payload.getType().getRevision(),
                sealed(event, payload.getData()), metaData.getData());
    }

    /** One row of the event table, as {@link #sql} lists its columns. */
    public record Row(String eventIdentifier, String aggregateIdentifier, long sequenceNumber, String type, Instant timestamp,
                      String payloadType, String payloadRevision, byte[] payload, byte[] metaData) {

        /** The values to bind, with the timestamp written as {@code timestamp} turns it into a column value. */
        public Object[] values(Function<Instant, Object> timestampValue) {
            return new Object[]{eventIdentifier, aggregateIdentifier, sequenceNumber, type, timestampValue.apply(timestamp),
                    payloadType, payloadRevision, payload, metaData};
        }
    }

    private byte[] sealed(EventMessage<?> event, byte[] payload) {
        Optional<SealedLayout> layout = SealedLayout.of(event.getPayloadType());
        if (layout.isEmpty()) {
            return payload;
        }
        try {
            ObjectNode tree = (ObjectNode) mapper.readTree(payload);
            String subject = SealedFields.subject(tree, layout.get());
            if (subject == null) {
                throw new IllegalStateException(event.getPayloadType().getSimpleName() + " has no data subject");
            }
            Optional<SecretKey> key = dataKeys.keyToSeal(subject);
            if (key.isPresent()) {
                SealedFields.seal(tree, layout.get(), event.getIdentifier(), key.get(), this::nonce);
            } else {
                // The subject was erased: nothing personal about it may enter the ledger again.
                SealedFields.erase(tree, layout.get());
            }
            return mapper.writeValueAsBytes(tree);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** Every appended event takes one: from this thread's generator, not the JVM-wide NativePRNG's monitor. */
    private byte[] nonce() {
        return Randomness.bytes(NONCE_BYTES);
    }

    private static DomainEventMessage<?> asDomainEvent(EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domainEvent) {
            return domainEvent;
        }
        return new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event::getTimestamp);
    }
}
