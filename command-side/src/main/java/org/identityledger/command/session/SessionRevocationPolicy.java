package org.identityledger.command.session;

import org.identityledger.events.business.BusinessMemberRemovedEvent;
import org.identityledger.events.business.BusinessSuspendedEvent;
import org.identityledger.events.staff.StaffRoleRevokedEvent;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.identityledger.events.account.AccountDeactivatedEvent;
import org.identityledger.events.account.AccountSuspendedEvent;
import org.identityledger.events.account.PasswordChangedEvent;
import org.identityledger.events.session.SessionRevocationReason;
import org.springframework.stereotype.Component;

/**
 * When an account is suspended, deactivated or its password changes, every one of its sessions
 * ends; when a membership ends or its business is suspended, the business sessions that depended
 * on it end; when an account loses its last staff role, its staff sessions end: a revocation event in each session's own stream, in the same transaction, so neither a
 * cookie nor a refresh token nor an unexpired access token works on the next request.
 */
@Component
@ProcessingGroup(SessionRevocationPolicy.PROCESSING_GROUP)
public class SessionRevocationPolicy {

    public static final String PROCESSING_GROUP = "session-revocation-policy";

    private final CommandGateway commandGateway;
    private final SessionLookup sessionLookup;

    public SessionRevocationPolicy(CommandGateway commandGateway, SessionLookup sessionLookup) {
        this.commandGateway = commandGateway;
        this.sessionLookup = sessionLookup;
    }

    @EventHandler
    void on(AccountSuspendedEvent event) {
        revokeAllOf(event.accountRef(), SessionRevocationReason.ACCOUNT_SUSPENDED);
    }

    @EventHandler
    void on(AccountDeactivatedEvent event) {
        revokeAllOf(event.accountRef(), SessionRevocationReason.ACCOUNT_DEACTIVATED);
    }

    @EventHandler
    void on(PasswordChangedEvent event) {
        revokeAllOf(event.accountRef(), SessionRevocationReason.PASSWORD_CHANGED);
    }

    /** A member removed (or leaving) loses the business sessions that depended on the membership. */
    @EventHandler
    void on(BusinessMemberRemovedEvent event) {
        revoke(sessionLookup.lockAndListLiveBusinessSessionIds(event.businessId(), event.accountRef()),
                SessionRevocationReason.MEMBERSHIP_ENDED);
    }

    @EventHandler
    void on(BusinessSuspendedEvent event) {
        revoke(sessionLookup.lockAndListLiveBusinessSessionIds(event.businessId(), null), SessionRevocationReason.BUSINESS_SUSPENDED);
    }

    /** A staff session lives while its account holds any staff role; which role may do what is decided per request. */
    @EventHandler
    void on(StaffRoleRevokedEvent event) {
        revoke(sessionLookup.lockAndListStaffSessionIdsWithoutGrant(event.accountRef(), event.role().wireName()), SessionRevocationReason.STAFF_GRANT_REVOKED);
    }

    private void revokeAllOf(String accountRef, SessionRevocationReason reason) {
        revoke(sessionLookup.lockAndListLiveSessionIdsOf(accountRef), reason);
    }

    private void revoke(List<String> sessionIds, SessionRevocationReason reason) {
        for (String sessionId : sessionIds) {
            commandGateway.sendAndWait(new RevokeSessionCommand(sessionId, reason));
        }
    }
}
