package org.identityledger.command.staff;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.identityledger.command.account.AccountLookup;
import org.identityledger.command.account.AccountNotFoundException;
import org.identityledger.command.common.CommandRetry;
import org.identityledger.events.staff.StaffRole;
import org.springframework.stereotype.Service;

/** An admin's grants and revocations of staff roles; the StaffRoster decides each. */
@Service
public class StaffGrantService {

    private final CommandGateway commandGateway;
    private final AccountLookup accountLookup;

    public StaffGrantService(CommandGateway commandGateway, AccountLookup accountLookup) {
        this.commandGateway = commandGateway;
        this.accountLookup = accountLookup;
    }

    public void grant(String actorRef, String accountRef, StaffRole role) {
        if (accountLookup.normalizedEmailOf(accountRef).isEmpty()) {
            throw new AccountNotFoundException();
        }
        CommandRetry.sendAndWait(commandGateway, new GrantStaffRoleCommand(StaffRoster.ID, accountRef, role, actorRef));
    }

    public void revoke(String actorRef, String accountRef, StaffRole role) {
        CommandRetry.sendAndWait(commandGateway, new RevokeStaffRoleCommand(StaffRoster.ID, accountRef, role, actorRef));
    }
}
