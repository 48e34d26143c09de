package org.identityledger.command.business;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Staff freeze a business; its business sessions end. */
public record SuspendBusinessCommand(
        @TargetAggregateIdentifier String businessId,
        String actorRef,
        String reason) {
}
