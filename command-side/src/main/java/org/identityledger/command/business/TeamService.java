package org.identityledger.command.business;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.identityledger.command.account.AccountLookup;
import org.identityledger.command.account.TokenInvalidException;
import org.identityledger.command.common.CommandRetry;
import org.identityledger.command.common.Secrets;
import org.identityledger.events.business.BusinessRole;
import org.springframework.stereotype.Service;

/** A team's changes, each decided by the Business aggregate; this only finds what the command needs. */
@Service
public class TeamService {

    private final CommandGateway commandGateway;
    private final BusinessLookup businessLookup;
    private final AccountLookup accountLookup;
    private final Secrets secrets;

    public TeamService(CommandGateway commandGateway, BusinessLookup businessLookup, AccountLookup accountLookup, Secrets secrets) {
        this.commandGateway = commandGateway;
        this.businessLookup = businessLookup;
        this.accountLookup = accountLookup;
        this.secrets = secrets;
    }

    public IssuedInvitation invite(String businessId, String actorRef, String email, BusinessRole role) {
        return CommandRetry.sendAndWait(commandGateway, new InviteMemberCommand(businessId, actorRef, email, role));
    }

    public void revokeInvitation(String businessId, String actorRef, String invitationId) {
        CommandRetry.sendAndWait(commandGateway, new RevokeInvitationCommand(businessId, actorRef, invitationId));
    }

    public void changeRole(String businessId, String actorRef, String accountRef, BusinessRole role) {
        CommandRetry.sendAndWait(commandGateway, new ChangeMemberRoleCommand(businessId, actorRef, accountRef, role));
    }

    public void remove(String businessId, String actorRef, String accountRef) {
        CommandRetry.sendAndWait(commandGateway, new RemoveMemberCommand(businessId, actorRef, accountRef));
    }

    /**
     * Joins the business an invitation token belongs to. Only the invited address may accept, and
     * only once the accepting account has proven it: an unverified account matches no invitation.
     */
    public AcceptedInvitation accept(String accountRef, String rawToken) {
        String tokenHash = secrets.hash(rawToken);
        String businessId = businessLookup.businessOfInvitation(tokenHash).orElseThrow(TokenInvalidException::new);
        String verifiedEmail = accountLookup.hasVerifiedEmail(accountRef) ? accountLookup.normalizedEmailOf(accountRef).orElse("") : "";
        BusinessRole role = CommandRetry.sendAndWait(commandGateway,
                new AcceptInvitationCommand(businessId, tokenHash, accountRef, verifiedEmail));
        return new AcceptedInvitation(businessId, businessLookup.handleOf(businessId).orElse(null), role);
    }

    public record AcceptedInvitation(String businessId, String handle, BusinessRole role) {
    }
}
