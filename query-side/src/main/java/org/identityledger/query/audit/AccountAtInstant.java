package org.identityledger.query.audit;

import org.identityledger.events.account.AccountDeactivatedEvent;
import org.identityledger.events.account.AccountRegisteredEvent;
import org.identityledger.events.account.AccountReinstatedEvent;
import org.identityledger.events.account.AccountState;
import org.identityledger.events.account.AccountSuspendedEvent;
import org.identityledger.events.account.EmailVerifiedEvent;
import org.identityledger.events.account.SellerCapabilityActivatedEvent;
import org.identityledger.events.business.BusinessCreatedEvent;
import org.identityledger.events.business.BusinessMemberJoinedEvent;
import org.identityledger.events.business.BusinessMemberRemovedEvent;
import org.identityledger.events.business.BusinessMemberRoleChangedEvent;
import org.identityledger.events.business.BusinessRole;
import org.identityledger.events.session.RefreshTokenRotatedEvent;
import org.identityledger.events.session.SessionLiveness;
import org.identityledger.events.session.SessionRevokedEvent;
import org.identityledger.events.session.SessionStartedEvent;
import org.identityledger.events.staff.StaffRoleGrantedEvent;
import org.identityledger.events.staff.StaffRoleRevokedEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One account folded from its events, in ledger order, as far as an instant: its state, personal
 * data, capabilities, staff roles, memberships and live sessions. The state moves by the same pure
 * rules the read model uses ({@link AccountState}); a session is live by {@link SessionLiveness}.
 * Events about other accounts pass through untouched.
 */
public final class AccountAtInstant {

    /** The answer: the account at {@code at}, and the last ledger position at or before that instant. */
    public record Snapshot(String accountRef, Instant at, String state, String email, String displayName, boolean emailVerified,
                           List<String> capabilities, List<String> staffRoles, List<Membership> memberships,
                           List<LiveSession> liveSessions, long position) {
    }

    public record Membership(String businessId, String role) {
    }

    public record LiveSession(String sessionId, String transport, String context, String businessId, Instant startedAt,
                              Instant expiresAt) {
    }

    private record Session(SessionStartedEvent started, Instant lastActivity) {
    }

    private final String accountRef;
    private AccountState state;
    private String email;
    private String displayName;
    private boolean emailVerified;
    private boolean seller;
    private final TreeSet<String> staffRoles = new TreeSet<>();
    private final Map<String, BusinessRole> memberships = new TreeMap<>();
    private final Map<String, Session> sessions = new LinkedHashMap<>();

    AccountAtInstant(String accountRef) {
        this.accountRef = accountRef;
    }

    boolean exists() {
        return state != null;
    }

    void apply(Object event) {
        if (event instanceof AccountRegisteredEvent registered && mine(registered.accountRef())) {
            state = AccountState.PENDING_VERIFICATION;
            email = registered.email();
            displayName = registered.displayName();
        } else if (event instanceof EmailVerifiedEvent verified && mine(verified.accountRef())) {
            emailVerified = true;
            state = state.afterEmailVerified();
        } else if (event instanceof AccountSuspendedEvent suspended && mine(suspended.accountRef())) {
            state = AccountState.SUSPENDED;
        } else if (event instanceof AccountReinstatedEvent reinstated && mine(reinstated.accountRef())) {
            state = AccountState.afterReinstated(emailVerified);
        } else if (event instanceof AccountDeactivatedEvent deactivated && mine(deactivated.accountRef())) {
            state = AccountState.DEACTIVATED;
        } else if (event instanceof SellerCapabilityActivatedEvent activated && mine(activated.accountRef())) {
            seller = true;
        } else if (event instanceof StaffRoleGrantedEvent granted && mine(granted.accountRef())) {
            staffRoles.add(granted.role().wireName());
        } else if (event instanceof StaffRoleRevokedEvent revoked && mine(revoked.accountRef())) {
            staffRoles.remove(revoked.role().wireName());
        } else if (event instanceof BusinessCreatedEvent created && mine(created.ownerAccountRef())) {
            memberships.put(created.businessId(), BusinessRole.OWNER);
        } else if (event instanceof BusinessMemberJoinedEvent joined && mine(joined.accountRef())) {
            memberships.put(joined.businessId(), joined.role());
        } else if (event instanceof BusinessMemberRoleChangedEvent changed && mine(changed.accountRef())) {
            memberships.put(changed.businessId(), changed.to());
        } else if (event instanceof BusinessMemberRemovedEvent removed && mine(removed.accountRef())) {
            memberships.remove(removed.businessId());
        } else if (event instanceof SessionStartedEvent started && mine(started.accountRef())) {
            sessions.put(started.sessionId(), new Session(started, started.startedAt()));
        } else if (event instanceof RefreshTokenRotatedEvent rotated && mine(rotated.accountRef())
                && sessions.containsKey(rotated.sessionId())) {
            sessions.put(rotated.sessionId(), new Session(sessions.get(rotated.sessionId()).started(), rotated.rotatedAt()));
        } else if (event instanceof SessionRevokedEvent revoked && mine(revoked.accountRef())) {
            sessions.remove(revoked.sessionId());
        }
        // Anything else is another account's event, or changes nothing shown here.
    }

    private boolean mine(String ref) {
        return accountRef.equals(ref);
    }

    Snapshot snapshot(Instant at, long position) {
        List<LiveSession> live = new ArrayList<>();
        sessions.values().stream()
                .filter(session -> SessionLiveness.isLiveAt(at, session.started().expiresAt(), session.lastActivity(),
                        session.started().idleTimeout()))
                .forEach(session -> live.add(new LiveSession(session.started().sessionId(), session.started().transport().wireName(),
                        session.started().context() == null ? "customer" : session.started().context().wireName(),
                        session.started().businessId(), session.started().startedAt(), session.started().expiresAt())));
        List<Membership> businesses = memberships.entrySet().stream()
                .map(entry -> new Membership(entry.getKey(), entry.getValue().wireName())).toList();
        return new Snapshot(accountRef, at, state.wireName(), email, displayName, emailVerified,
                seller ? List.of("buyer", "seller") : List.of("buyer"), List.copyOf(staffRoles), businesses, live, position);
    }
}
