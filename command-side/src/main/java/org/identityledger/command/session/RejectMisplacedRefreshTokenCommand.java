package org.identityledger.command.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A refresh token of this session (by hash) was presented somewhere other than the refresh route. */
public record RejectMisplacedRefreshTokenCommand(
        @TargetAggregateIdentifier String sessionId,
        String presentedTokenHash) {
}
