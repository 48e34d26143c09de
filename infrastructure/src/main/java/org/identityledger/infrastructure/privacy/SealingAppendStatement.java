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
import java.util.List;
import java.util.Optional;

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
        String sql = "INSERT INTO " + schema.domainEventTable() + " (" + schema.domainEventFields() + ") "
                + "VALUES (?,?,?,?,?,?,?,?,?)";
        PreparedStatement statement = connection.prepareStatement(sql);
        for (EventMessage<?> eventMessage : events) {
            DomainEventMessage<?> event = asDomainEvent(eventMessage);
            SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
            SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
            statement.setString(1, event.getIdentifier());
            statement.setString(2, event.getAggregateIdentifier());
            statement.setLong(3, event.getSequenceNumber());
            statement.setString(4, event.getType());
            timestampWriter.writeTimestamp(statement, 5, event.getTimestamp());
            statement.setString(6, payload.getType().getName());
            statement.setString(7, payload.getType().getRevision());
            statement.setBytes(8, sealed(event, payload.getData()));
            statement.setBytes(9, metaData.getData());
            statement.addBatch();
        }
        return statement;
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
