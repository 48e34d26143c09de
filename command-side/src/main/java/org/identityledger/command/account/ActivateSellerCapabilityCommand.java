package org.identityledger.command.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The person turns on selling for their own account. */
public record ActivateSellerCapabilityCommand(@TargetAggregateIdentifier String accountRef) {
}
