package org.identityledger.infrastructure.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.identityledger.events.sealing.SealedFields;
import org.identityledger.events.sealing.SealedLayout;

import org.springframework.core.Ordered;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * First link of the upcaster chain: turns the stored form into the clear form every reader expects
 * (aggregates, tracking processors, the audit streams, point-in-time replay), so nothing downstream
 * knows sealing exists. A sealed revision is opened with its subject's data key (the event id and
 * field name as associated data); any revision of an erased subject reads "[erased]" in its personal
 * and credential fields, including one stored in clear before sealing existed.
 */
public class SealedFieldsOpeningUpcaster extends SingleEventUpcaster implements Ordered {

    private final DataKeys dataKeys;
    private final Map<String, Optional<SealedLayout>> layouts = new ConcurrentHashMap<>();

    public SealedFieldsOpeningUpcaster(DataKeys dataKeys) {
        this.dataKeys = dataKeys;
    }

    /** Before every other upcaster: they were written against the clear form. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return layoutOf(representation.getType().getName()).isPresent();
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        SealedLayout layout = layoutOf(representation.getType().getName()).orElseThrow();
        boolean sealed = layout.isSealed(representation.getType().getRevision());
        String eventId = representation.getMessageIdentifier();
        return representation.upcastPayload(representation.getType(), JsonNode.class,
                payload -> opened(payload, layout, sealed, eventId));
    }

    private JsonNode opened(JsonNode payload, SealedLayout layout, boolean sealed, String eventId) {
        if (!(payload instanceof ObjectNode stored)) {
            return payload;
        }
        String subject = SealedFields.subject(stored, layout);
        if (subject == null) {
            return payload;
        }
        DataKeys.SubjectKey key = dataKeys.keyToOpen(subject, sealed);
        if (!sealed && !key.erased()) {
            return payload;
        }
        ObjectNode clear = stored.deepCopy();
        if (key.erased()) {
            SealedFields.erase(clear, layout);
        } else if (sealed) {
            if (key.key() == null) {
                throw new IllegalStateException("event " + eventId + " is sealed but subject " + subject + " has no data key");
            }
            SealedFields.open(clear, layout, eventId, key.key());
        }
        return clear;
    }

    private Optional<SealedLayout> layoutOf(String typeName) {
        return layouts.computeIfAbsent(typeName, name -> {
            try {
                return SealedLayout.of(Class.forName(name, false, SealedFieldsOpeningUpcaster.class.getClassLoader()));
            } catch (ClassNotFoundException | LinkageError unknown) {
                return Optional.empty();
            }
        });
    }
}
