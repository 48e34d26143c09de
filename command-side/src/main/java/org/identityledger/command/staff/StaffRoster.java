package org.identityledger.command.staff;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.identityledger.command.common.NotAllowedException;
import org.identityledger.events.staff.StaffRole;
import org.identityledger.events.staff.StaffRoleGrantedEvent;
import org.identityledger.events.staff.StaffRoleRevokedEvent;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

/**
 * Every staff grant of the platform, in one aggregate: "the last admin cannot be removed" spans
 * accounts, and one stream's sequence numbers serialise two admins revoking each other at once.
 * Grants are rare, so one stream for all of them costs nothing.
 */
@Aggregate
public class StaffRoster {

    /** The one roster's id. */
    public static final String ID = "staff-roster";
    /** The actor of the grant the bootstrap setting makes. */
    public static final String BOOTSTRAP = "bootstrap";

    @AggregateIdentifier
    private String rosterId;
    private final Set<Grant> grants = new HashSet<>();

    protected StaffRoster() {
        // Axon rebuilds the aggregate from its events; the first command creates it.
    }

    /** Only an admin grants; granting what is already held changes nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(GrantStaffRoleCommand command, Clock clock) {
        rosterId = command.rosterId();
        if (!grants.contains(new Grant(command.actorRef(), StaffRole.ADMIN))) {
            throw new NotAllowedException();
        }
        if (!grants.contains(new Grant(command.accountRef(), command.role()))) {
            apply(new StaffRoleGrantedEvent(command.accountRef(), command.role(), command.actorRef(), clock.instant()));
        }
    }

    /** The bootstrap setting makes the first admin, and only while there is none. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(BootstrapAdminCommand command, Clock clock) {
        rosterId = command.rosterId();
        if (adminCount() > 0) {
            return false;
        }
        apply(new StaffRoleGrantedEvent(command.accountRef(), StaffRole.ADMIN, BOOTSTRAP, clock.instant()));
        return true;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RevokeStaffRoleCommand command, Clock clock, ActiveAdmins admins) {
        rosterId = command.rosterId();
        if (!grants.contains(new Grant(command.actorRef(), StaffRole.ADMIN))) {
            throw new NotAllowedException();
        }
        if (!grants.contains(new Grant(command.accountRef(), command.role()))) {
            throw new StaffGrantNotFoundException();
        }
        if (command.role() == StaffRole.ADMIN && (adminCount() == 1 || admins.isLastActiveAdmin(command.accountRef()))) {
            throw new LastAdminException();
        }
        apply(new StaffRoleRevokedEvent(command.accountRef(), command.role(), command.actorRef(), clock.instant()));
    }

    private long adminCount() {
        return grants.stream().filter(grant -> grant.role() == StaffRole.ADMIN).count();
    }

    private static void apply(Object event) {
        org.axonframework.modelling.command.AggregateLifecycle.apply(event);
    }

    @EventSourcingHandler
    void on(StaffRoleGrantedEvent event) {
        rosterId = ID;
        grants.add(new Grant(event.accountRef(), event.role()));
    }

    @EventSourcingHandler
    void on(StaffRoleRevokedEvent event) {
        grants.remove(new Grant(event.accountRef(), event.role()));
    }

    private record Grant(String accountRef, StaffRole role) {
    }
}
