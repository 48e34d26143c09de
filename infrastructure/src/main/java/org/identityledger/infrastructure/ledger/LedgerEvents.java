package org.identityledger.infrastructure.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Revision;
import org.identityledger.command.port.LedgerHistory.DecodedEvent;
import org.identityledger.command.port.LedgerHistory.Filter;
import org.identityledger.events.CredentialData;
import org.identityledger.events.EventJson;
import org.springframework.stereotype.Component;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The ledger decoded, for auditors (GET /v1/audit/events and an account's timeline): the events in
 * ascending position, upcast to their current revision by the event store's own serializer, read
 * lazily in batches, so any length runs in constant memory. Credential fields (marked
 * {@link CredentialData}) always read "[redacted]".
 */
@Component
public class LedgerEvents {

    static final String REDACTED = "[redacted]";
    private static final PropertyNamingStrategies.NamingBase WIRE_NAMES =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    /** One decoded event, before it leaves as a {@link DecodedEvent}. */
    record Line(long position, String eventId, String type, String revision, String aggregateType, String aggregateId,
                       Long sequence, Instant timestamp, String actorRef, JsonNode payload) {
    }

    private final EventStorageEngine storageEngine;
    private final ObjectMapper json = EventJson.objectMapper();
    private final Map<Class<?>, List<String>> credentialFields = new ConcurrentHashMap<>();

    LedgerEvents(EventStorageEngine storageEngine) {
        this.storageEngine = storageEngine;
    }

    /** Hands each matching event to {@code sink}, in ascending position; answers how many. */
    public long forEach(Filter filter, java.util.function.Consumer<DecodedEvent> sink) {
        long written = 0;
        try (Stream<? extends TrackedEventMessage<?>> events = storageEngine.readEvents(
                GapAwareTrackingToken.newInstance(filter.after(), Collections.emptySet()), false)) {
            var iterator = events.iterator();
            Predicate<Line> wanted = matches(filter);
            while (iterator.hasNext() && (filter.limit() == null || written < filter.limit())) {
                Line line = decode(iterator.next());
                if (wanted.test(line)) {
                    sink.accept(new DecodedEvent(line.position(), line.eventId(), line.type(), line.revision(), line.aggregateType(),
                            line.aggregateId(), line.sequence(), line.timestamp(), line.actorRef(),
                            line.payload() == null ? null : line.payload().toString()));
                    written++;
                }
            }
        }
        return written;
    }

    private static Predicate<Line> matches(Filter filter) {
        return line -> (filter.aggregateId() == null || filter.aggregateId().equals(line.aggregateId()))
                && (filter.type() == null || filter.type().equals(line.type()))
                && (filter.from() == null || !line.timestamp().isBefore(filter.from()))
                && (filter.to() == null || line.timestamp().isBefore(filter.to()))
                && (filter.accountRef() == null || concerns(line, filter.accountRef()));
    }

    /** An event concerns an account when it is the account's own, or names it as an account (member, owner, grantee…). */
    static boolean concerns(Line line, String accountRef) {
        if (accountRef.equals(line.aggregateId())) {
            return true;
        }
        if (line.payload() == null) {
            return false;
        }
        var fields = line.payload().fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if ((field.getKey().equals("account_ref") || field.getKey().endsWith("_account_ref"))
                    && accountRef.equals(field.getValue().asText())) {
                return true;
            }
        }
        return false;
    }

    private Line decode(TrackedEventMessage<?> message) {
        long position = message.trackingToken().position().orElse(-1);
        Object payload = message.getPayload();
        Class<?> type = message.getPayloadType();
        JsonNode decoded = payload == null || !type.getPackageName().startsWith("org.identityledger") ? null : redacted(payload);
        Revision revision = type.getAnnotation(Revision.class);
        String aggregateType = null;
        String aggregateId = null;
        Long sequence = null;
        if (message instanceof DomainEventMessage<?> domain) {
            aggregateType = domain.getType();
            aggregateId = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
        }
        String actorRef = decoded != null && decoded.hasNonNull("actor_ref") ? decoded.get("actor_ref").asText() : null;
        return new Line(position, message.getIdentifier(), type.getSimpleName(), revision == null ? null : revision.value(),
                aggregateType, aggregateId, sequence, message.getTimestamp(), actorRef, decoded);
    }

    private JsonNode redacted(Object payload) {
        JsonNode node = json.valueToTree(payload);
        if (node instanceof ObjectNode object) {
            for (String field : credentialFields.computeIfAbsent(payload.getClass(), LedgerEvents::credentialFieldsOf)) {
                if (object.has(field)) {
                    object.put(field, REDACTED);
                }
            }
        }
        return node;
    }

    private static List<String> credentialFieldsOf(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        return components == null ? List.of() : Arrays.stream(components)
                .filter(component -> component.isAnnotationPresent(CredentialData.class))
                .map(component -> WIRE_NAMES.translate(component.getName())).toList();
    }
}
