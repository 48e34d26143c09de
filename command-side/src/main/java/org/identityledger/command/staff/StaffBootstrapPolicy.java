package org.identityledger.command.staff;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.identityledger.command.account.AccountLookup;
import org.identityledger.events.account.EmailVerifiedEvent;
import org.springframework.stereotype.Component;

/**
 * The one path to the first admin besides an admin's grant: the account whose verified email is the
 * configured bootstrap address becomes admin, in the verification's own transaction, while no
 * account holds admin (the StaffRoster decides that, so a second verification grants nothing).
 */
@Component
@ProcessingGroup(StaffBootstrapPolicy.PROCESSING_GROUP)
public class StaffBootstrapPolicy {

    public static final String PROCESSING_GROUP = "staff-bootstrap-policy";

    private final StaffBootstrap bootstrap;
    private final AccountLookup accountLookup;
    private final CommandGateway commandGateway;

    public StaffBootstrapPolicy(StaffBootstrap bootstrap, AccountLookup accountLookup, CommandGateway commandGateway) {
        this.bootstrap = bootstrap;
        this.accountLookup = accountLookup;
        this.commandGateway = commandGateway;
    }

    @EventHandler
    void on(EmailVerifiedEvent event) {
        bootstrap.normalizedEmail()
                .filter(email -> accountLookup.normalizedEmailOf(event.accountRef()).filter(email::equals).isPresent())
                .ifPresent(email -> commandGateway.sendAndWait(new BootstrapAdminCommand(StaffRoster.ID, event.accountRef())));
    }

    /** At start: the bootstrap account may have verified its email before the setting was made. */
    public void bootstrapExistingAccount() {
        bootstrap.normalizedEmail().flatMap(accountLookup::verifiedAccountWithEmail)
                .ifPresent(accountRef -> commandGateway.sendAndWait(new BootstrapAdminCommand(StaffRoster.ID, accountRef)));
    }
}
