package org.identityledger.events.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.identityledger.events.session.SessionContext;
import org.identityledger.events.session.SessionStartedEvent;

/**
 * Revision 1 of {@link SessionStartedEvent} predates contexts: every session then was a customer
 * session. Reading one says so explicitly, so no reader has to guess what a missing field means.
 */
public final class SessionContextUpcaster extends SingleEventUpcaster {

    private static final String TYPE = SessionStartedEvent.class.getName();

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return "1".equals(representation.getType().getRevision()) && TYPE.equals(representation.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(TYPE, "2"), JsonNode.class,
                SessionContextUpcaster::asCustomerSession);
    }

    /** The whole transformation, public so the golden-file test can pin it. */
    public static JsonNode asCustomerSession(JsonNode payload) {
        ObjectNode copy = payload.deepCopy();
        copy.put("context", SessionContext.CUSTOMER.name());
        copy.putNull("business_id");
        return copy;
    }
}
