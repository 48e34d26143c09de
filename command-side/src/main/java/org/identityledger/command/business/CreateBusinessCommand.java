package org.identityledger.command.business;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create a business; its creator becomes its first owner. */
public record CreateBusinessCommand(
        @TargetAggregateIdentifier String businessId,
        BusinessHandle handle,
        String name,
        String ownerAccountRef) {
}
