package org.identityledger.events.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.identityledger.events.account.AccountDeactivatedEvent;
import org.identityledger.events.account.AccountReinstatedEvent;
import org.identityledger.events.account.AccountSuspendedEvent;

import java.util.Set;

/**
 * Revision 1 of the account state changes did not record who acted (nor why a suspension was
 * lifted). Revision 2 does; an old event reads with those fields explicitly null: not recorded.
 */
public final class AccountActorUpcaster extends SingleEventUpcaster {

    private static final Set<String> TYPES = Set.of(AccountSuspendedEvent.class.getName(),
            AccountReinstatedEvent.class.getName(), AccountDeactivatedEvent.class.getName());

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return "1".equals(representation.getType().getRevision()) && TYPES.contains(representation.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(representation.getType().getName(), "2"), JsonNode.class,
                AccountActorUpcaster::withUnrecordedActor);
    }

    /** The whole transformation, public so the golden-file test can pin it. */
    public static JsonNode withUnrecordedActor(JsonNode payload) {
        ObjectNode copy = payload.deepCopy();
        copy.putNull("actor_ref");
        if (!copy.has("reason")) {
            copy.putNull("reason");
        }
        return copy;
    }
}
