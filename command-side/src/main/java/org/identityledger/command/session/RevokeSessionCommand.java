package org.identityledger.command.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.identityledger.events.session.SessionRevocationReason;

/** End a session now. Revoking an ended session changes nothing (logout is idempotent). */
public record RevokeSessionCommand(
        @TargetAggregateIdentifier String sessionId,
        SessionRevocationReason reason) {
}
