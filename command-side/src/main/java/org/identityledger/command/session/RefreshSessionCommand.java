package org.identityledger.command.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Spend the presented refresh token (by hash) and replace it with the next one of the family. */
public record RefreshSessionCommand(
        @TargetAggregateIdentifier String sessionId,
        String presentedTokenHash,
        String newTokenHash) {
}
