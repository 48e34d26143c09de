package org.identityledger.command.business;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.identityledger.command.account.AccountMail;
import org.identityledger.command.account.AccountMailOutbox;
import org.identityledger.command.account.EmailAddress;
import org.identityledger.command.account.TokenAlreadyUsedException;
import org.identityledger.command.account.TokenExpiredException;
import org.identityledger.command.account.TokenInvalidException;
import org.identityledger.command.common.Identifiers;
import org.identityledger.command.common.NotAllowedException;
import org.identityledger.command.common.Secrets;
import org.identityledger.events.business.BusinessCreatedEvent;
import org.identityledger.events.business.BusinessInvitationIssuedEvent;
import org.identityledger.events.business.BusinessInvitationRevokedEvent;
import org.identityledger.events.business.BusinessMemberJoinedEvent;
import org.identityledger.events.business.BusinessMemberRemovedEvent;
import org.identityledger.events.business.BusinessMemberRoleChangedEvent;
import org.identityledger.events.business.BusinessReinstatedEvent;
import org.identityledger.events.business.BusinessRole;
import org.identityledger.events.business.BusinessSuspendedEvent;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A business (the dealer of the marketplace, the vendor of a shop) and its team. Every team rule is
 * decided here, so the aggregate's sequence numbers serialise racing changes: two owners demoting
 * each other at the same instant are two commands on one stream, and the second sees the first.
 * Handle uniqueness spans businesses and is the command-side handle lookup's (same transaction).
 */
@Aggregate
public class Business {

    @AggregateIdentifier
    private String businessId;
    private String handle;
    private final Map<String, BusinessRole> members = new HashMap<>();
    private final Map<String, Invitation> invitations = new HashMap<>();
    private boolean suspended;

    protected Business() {
        // Axon rebuilds the aggregate from its events.
    }

    @CommandHandler
    public Business(CreateBusinessCommand command, Clock clock) {
        apply(new BusinessCreatedEvent(command.businessId(), command.handle().value(), command.name(),
                command.ownerAccountRef(), clock.instant()));
    }

    /** Owners invite any role; admins invite admins and members; members invite nobody. */
    @CommandHandler
    public IssuedInvitation handle(InviteMemberCommand command, Clock clock, Secrets secrets, Identifiers identifiers,
                                   InvitationLifetime lifetime, AccountMailOutbox outbox) {
        requireActive();
        BusinessRole actor = roleOf(command.actorRef());
        if (actor == BusinessRole.MEMBER || command.role() == BusinessRole.OWNER && actor != BusinessRole.OWNER) {
            throw new NotAllowedException();
        }
        Instant now = clock.instant();
        Secrets.IssuedSecret token = secrets.issue();
        String invitationId = identifiers.newInvitationId();
        Instant expiresAt = now.plus(lifetime.value());
        apply(new BusinessInvitationIssuedEvent(businessId, invitationId, command.email(), command.role(), token.hash(),
                command.actorRef(), now, expiresAt));
        // The raw token goes to the outbox row (deleted on delivery) and to the in-process caller, never further.
        outbox.enqueue(AccountMail.businessInvitation(command.email(), token.raw(), expiresAt, handle));
        return new IssuedInvitation(invitationId, token.raw(), expiresAt);
    }

    @CommandHandler
    public BusinessRole handle(AcceptInvitationCommand command, Clock clock) {
        Instant now = clock.instant();
        Invitation invitation = invitations.values().stream()
                .filter(candidate -> candidate.tokenHash().equals(command.tokenHash()))
                .findFirst().orElseThrow(TokenInvalidException::new);
        if (invitation.accepted()) {
            throw new TokenAlreadyUsedException();
        }
        if (invitation.revoked()) {
            throw new TokenInvalidException();
        }
        if (!now.isBefore(invitation.expiresAt())) {
            throw new TokenExpiredException();
        }
        requireActive();
        if (command.accountEmail() == null || command.accountEmail().isEmpty()
                || !EmailAddress.normalize(command.accountEmail()).equals(EmailAddress.normalize(invitation.email()))) {
            throw new InvitationEmailMismatchException();
        }
        if (members.containsKey(command.accountRef())) {
            throw new AlreadyAMemberException();
        }
        apply(new BusinessMemberJoinedEvent(businessId, invitation.invitationId(), command.accountRef(), invitation.role(),
                invitation.tokenHash(), now));
        return invitation.role();
    }

    @CommandHandler
    public void handle(RevokeInvitationCommand command, Clock clock) {
        requireActive();
        if (roleOf(command.actorRef()) == BusinessRole.MEMBER) {
            throw new NotAllowedException();
        }
        Invitation invitation = invitations.get(command.invitationId());
        if (invitation == null || invitation.accepted() || invitation.revoked()) {
            throw new InvitationNotFoundException();
        }
        apply(new BusinessInvitationRevokedEvent(businessId, command.invitationId(), command.actorRef(), clock.instant()));
    }

    /** Only owners touch owners (or make one); admins change members and admins; the last owner stays an owner. */
    @CommandHandler
    public void handle(ChangeMemberRoleCommand command, Clock clock) {
        requireActive();
        BusinessRole current = memberRole(command.accountRef());
        requireMayTouch(roleOf(command.actorRef()), current, command.role());
        if (current == command.role()) {
            return;
        }
        if (current == BusinessRole.OWNER && ownerCount() == 1) {
            throw new LastOwnerException();
        }
        apply(new BusinessMemberRoleChangedEvent(businessId, command.accountRef(), current, command.role(),
                command.actorRef(), clock.instant()));
    }

    /** A member may always leave (unless the last owner); removing someone else follows the role rules. */
    @CommandHandler
    public void handle(RemoveMemberCommand command, Clock clock) {
        requireActive();
        BusinessRole current = memberRole(command.accountRef());
        if (!command.actorRef().equals(command.accountRef())) {
            requireMayTouch(roleOf(command.actorRef()), current, current);
        }
        if (current == BusinessRole.OWNER && ownerCount() == 1) {
            throw new LastOwnerException();
        }
        apply(new BusinessMemberRemovedEvent(businessId, command.accountRef(), command.actorRef(), clock.instant()));
    }

    @CommandHandler
    public void handle(SuspendBusinessCommand command, Clock clock) {
        if (!suspended) {
            apply(new BusinessSuspendedEvent(businessId, command.actorRef(), command.reason(), clock.instant()));
        }
    }

    @CommandHandler
    public void handle(ReinstateBusinessCommand command, Clock clock) {
        if (suspended) {
            apply(new BusinessReinstatedEvent(businessId, command.actorRef(), command.reason(), clock.instant()));
        }
    }

    private void requireActive() {
        if (suspended) {
            throw new BusinessSuspendedException();
        }
    }

    /** The actor's role; someone off the team may not even learn that the business exists. */
    private BusinessRole roleOf(String actorRef) {
        BusinessRole role = members.get(actorRef);
        if (role == null) {
            throw new BusinessNotFoundException();
        }
        return role;
    }

    private BusinessRole memberRole(String accountRef) {
        BusinessRole role = members.get(accountRef);
        if (role == null) {
            throw new MemberNotFoundException();
        }
        return role;
    }

    private static void requireMayTouch(BusinessRole actor, BusinessRole target, BusinessRole wanted) {
        boolean ownersInvolved = target == BusinessRole.OWNER || wanted == BusinessRole.OWNER;
        if (actor == BusinessRole.MEMBER || ownersInvolved && actor != BusinessRole.OWNER) {
            throw new NotAllowedException();
        }
    }

    private long ownerCount() {
        return members.values().stream().filter(role -> role == BusinessRole.OWNER).count();
    }

    @EventSourcingHandler
    void on(BusinessCreatedEvent event) {
        businessId = event.businessId();
        handle = event.handle();
        members.put(event.ownerAccountRef(), BusinessRole.OWNER);
    }

    @EventSourcingHandler
    void on(BusinessInvitationIssuedEvent event) {
        invitations.put(event.invitationId(), new Invitation(event.invitationId(), event.email(), event.role(),
                event.tokenHash(), event.expiresAt(), false, false));
    }

    @EventSourcingHandler
    void on(BusinessInvitationRevokedEvent event) {
        invitations.computeIfPresent(event.invitationId(), (id, invitation) -> invitation.withRevoked());
    }

    @EventSourcingHandler
    void on(BusinessMemberJoinedEvent event) {
        invitations.computeIfPresent(event.invitationId(), (id, invitation) -> invitation.withAccepted());
        members.put(event.accountRef(), event.role());
    }

    @EventSourcingHandler
    void on(BusinessMemberRoleChangedEvent event) {
        members.put(event.accountRef(), event.to());
    }

    @EventSourcingHandler
    void on(BusinessMemberRemovedEvent event) {
        members.remove(event.accountRef());
    }

    @EventSourcingHandler
    void on(BusinessSuspendedEvent event) {
        suspended = true;
    }

    @EventSourcingHandler
    void on(BusinessReinstatedEvent event) {
        suspended = false;
    }

    private record Invitation(String invitationId, String email, BusinessRole role, String tokenHash, Instant expiresAt,
                              boolean accepted, boolean revoked) {

        Invitation withAccepted() {
            return new Invitation(invitationId, email, role, tokenHash, expiresAt, true, revoked);
        }

        Invitation withRevoked() {
            return new Invitation(invitationId, email, role, tokenHash, expiresAt, accepted, true);
        }
    }
}
