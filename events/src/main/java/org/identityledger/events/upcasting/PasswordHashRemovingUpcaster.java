package org.identityledger.events.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.identityledger.events.account.AccountRegisteredEvent;
import org.identityledger.events.account.PasswordChangedEvent;

import java.util.Map;

/**
 * Revision 1 of {@link AccountRegisteredEvent} and {@link PasswordChangedEvent} carried the Argon2id
 * hash; revision 2 does not. Reading an old event drops the field, so no reader of the ledger (an
 * aggregate, a projection, an audit stream) ever sees a hash again. The stored bytes stay as they
 * are: the ledger is never rewritten, and the auditor's-ledger work encrypts what old rows hold.
 */
public final class PasswordHashRemovingUpcaster extends SingleEventUpcaster {

    static final String FIELD = "password_hash";
    private static final Map<String, String> FROM_REVISION_1 = Map.of(
            AccountRegisteredEvent.class.getName(), "2",
            PasswordChangedEvent.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return "1".equals(representation.getType().getRevision())
                && FROM_REVISION_1.containsKey(representation.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        String type = representation.getType().getName();
        return representation.upcastPayload(new SimpleSerializedType(type, FROM_REVISION_1.get(type)), JsonNode.class,
                PasswordHashRemovingUpcaster::withoutHash);
    }

    /** The whole transformation, public so the golden-file test can pin it. */
    public static JsonNode withoutHash(JsonNode payload) {
        ObjectNode copy = payload.deepCopy();
        copy.remove(FIELD);
        return copy;
    }
}
