package org.identityledger.command.staff;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Make the bootstrap account the first admin, if no admin exists yet; answers whether it did. */
public record BootstrapAdminCommand(
        @TargetAggregateIdentifier String rosterId,
        String accountRef) {
}
