package org.identityledger.query.account;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.identityledger.events.account.AccountDeactivatedEvent;
import org.identityledger.events.account.AccountRegisteredEvent;
import org.identityledger.events.account.AccountReinstatedEvent;
import org.identityledger.events.account.AccountSuspendedEvent;
import org.identityledger.events.account.EmailVerifiedEvent;
import org.springframework.stereotype.Component;

/** Projects account events into {@link AccountView}, synchronously, so /me never lags a signup. */
@Component
@ProcessingGroup(AccountProjection.PROCESSING_GROUP)
public class AccountProjection {

    public static final String PROCESSING_GROUP = "account-view";

    private final AccountViewRepository accounts;

    AccountProjection(AccountViewRepository accounts) {
        this.accounts = accounts;
    }

    @EventHandler
    void on(AccountRegisteredEvent event) {
        accounts.save(new AccountView(event.accountRef(), event.email(), event.displayName(), event.registeredAt()));
    }

    @EventHandler
    void on(EmailVerifiedEvent event) {
        accounts.findById(event.accountRef()).ifPresent(account -> account.markEmailVerified(event.verifiedAt()));
    }

    @EventHandler
    void on(AccountSuspendedEvent event) {
        accounts.findById(event.accountRef())
                .ifPresent(account -> account.changeState(AccountStates.SUSPENDED, event.suspendedAt()));
    }

    @EventHandler
    void on(AccountReinstatedEvent event) {
        accounts.findById(event.accountRef()).ifPresent(account -> account.reinstate(event.reinstatedAt()));
    }

    @EventHandler
    void on(AccountDeactivatedEvent event) {
        accounts.findById(event.accountRef())
                .ifPresent(account -> account.changeState(AccountStates.DEACTIVATED, event.deactivatedAt()));
    }
}
