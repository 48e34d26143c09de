package org.identityledger.command.account;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.identityledger.command.common.CommandRetry;
import org.springframework.stereotype.Service;

/**
 * An admin's decisions about someone's account, each with the acting account and a reason; the
 * Account aggregate decides the transition, and the sessions that depended on the account end in
 * the same transaction (the revocation policy).
 */
@Service
public class AccountAdministrationService {

    private final CommandGateway commandGateway;
    private final AccountLookup accountLookup;

    public AccountAdministrationService(CommandGateway commandGateway, AccountLookup accountLookup) {
        this.commandGateway = commandGateway;
        this.accountLookup = accountLookup;
    }

    public void suspend(String actorRef, String accountRef, String reason) {
        requireKnown(accountRef);
        CommandRetry.sendAndWait(commandGateway, new SuspendAccountCommand(accountRef, reason, actorRef));
    }

    public void reinstate(String actorRef, String accountRef, String reason) {
        requireKnown(accountRef);
        CommandRetry.sendAndWait(commandGateway, new ReinstateAccountCommand(accountRef, reason, actorRef));
    }

    public void deactivate(String actorRef, String accountRef, String reason) {
        requireKnown(accountRef);
        CommandRetry.sendAndWait(commandGateway, new DeactivateAccountCommand(accountRef, reason, actorRef));
    }

    private void requireKnown(String accountRef) {
        if (accountLookup.normalizedEmailOf(accountRef).isEmpty()) {
            throw new AccountNotFoundException();
        }
    }
}
