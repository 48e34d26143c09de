package org.identityledger.command.business;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Staff lift a business's suspension. */
public record ReinstateBusinessCommand(
        @TargetAggregateIdentifier String businessId,
        String actorRef,
        String reason) {
}
