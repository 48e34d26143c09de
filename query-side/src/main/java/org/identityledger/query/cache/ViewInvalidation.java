package org.identityledger.query.cache;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.identityledger.events.account.AccountDeactivatedEvent;
import org.identityledger.events.account.AccountErasedEvent;
import org.identityledger.events.account.AccountReinstatedEvent;
import org.identityledger.events.account.AccountRegisteredEvent;
import org.identityledger.events.account.AccountSuspendedEvent;
import org.identityledger.events.account.EmailVerifiedEvent;
import org.identityledger.events.account.PasswordChangedEvent;
import org.identityledger.events.account.PasswordResetRequestedEvent;
import org.identityledger.events.account.SellerCapabilityActivatedEvent;
import org.identityledger.events.account.VerificationTokenIssuedEvent;
import org.identityledger.events.business.BusinessCreatedEvent;
import org.identityledger.events.business.BusinessInvitationIssuedEvent;
import org.identityledger.events.business.BusinessInvitationRevokedEvent;
import org.identityledger.events.business.BusinessMemberJoinedEvent;
import org.identityledger.events.business.BusinessMemberRemovedEvent;
import org.identityledger.events.business.BusinessMemberRoleChangedEvent;
import org.identityledger.events.business.BusinessReinstatedEvent;
import org.identityledger.events.business.BusinessSuspendedEvent;
import org.identityledger.events.session.RefreshTokenRotatedEvent;
import org.identityledger.events.session.SessionRevokedEvent;
import org.identityledger.events.session.SessionStartedEvent;
import org.identityledger.events.staff.StaffRoleGrantedEvent;
import org.identityledger.events.staff.StaffRoleRevokedEvent;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Which events change a cached view (a live session, an account's summary with its memberships and
 * staff roles), in the events' own transaction like every read model. Every event type is either
 * handled here or named in {@link #CHANGING_NO_CACHED_VIEW}; ViewInvalidationTest fails for a new
 * event type that is neither, so a change that should evict cannot be forgotten.
 */
@Component
@ProcessingGroup(ViewInvalidation.PROCESSING_GROUP)
public class ViewInvalidation {

    public static final String PROCESSING_GROUP = "view-invalidation";

    /**
     * Events that touch no cached view: a new session has no cache entry yet; a rotation only moves
     * last activity forward (a cached entry with an older one is re-read, never wrongly believed);
     * tokens and invitations are not part of a session or account view.
     */
    public static final Set<Class<?>> CHANGING_NO_CACHED_VIEW = Set.of(SessionStartedEvent.class,
            RefreshTokenRotatedEvent.class, VerificationTokenIssuedEvent.class, PasswordResetRequestedEvent.class,
            BusinessInvitationIssuedEvent.class, BusinessInvitationRevokedEvent.class);

    private final ViewChanges changes;

    ViewInvalidation(ViewChanges changes) {
        this.changes = changes;
    }

    @EventHandler
    void on(SessionRevokedEvent event) {
        changes.accountChanged(event.accountRef());
    }

    @EventHandler
    void on(AccountRegisteredEvent event) {
        changes.accountChanged(event.accountRef());
    }

    @EventHandler
    void on(EmailVerifiedEvent event) {
        changes.accountChanged(event.accountRef());
    }

    @EventHandler
    void on(PasswordChangedEvent event) {
        changes.accountChanged(event.accountRef());
    }

    @EventHandler
    void on(SellerCapabilityActivatedEvent event) {
        changes.accountChanged(event.accountRef());
    }

    @EventHandler
    void on(AccountSuspendedEvent event) {
        changes.accountChanged(event.accountRef());
    }

    @EventHandler
    void on(AccountDeactivatedEvent event) {
        changes.accountChanged(event.accountRef());
    }

    @EventHandler
    void on(AccountReinstatedEvent event) {
        changes.accountChanged(event.accountRef());
    }

    @EventHandler
    void on(AccountErasedEvent event) {
        changes.accountErased(event.accountRef());
    }

    @EventHandler
    void on(StaffRoleGrantedEvent event) {
        changes.accountChanged(event.accountRef());
    }

    @EventHandler
    void on(StaffRoleRevokedEvent event) {
        changes.accountChanged(event.accountRef());
    }

    @EventHandler
    void on(BusinessCreatedEvent event) {
        changes.accountChanged(event.ownerAccountRef());
    }

    @EventHandler
    void on(BusinessMemberJoinedEvent event) {
        changes.accountChanged(event.accountRef());
    }

    @EventHandler
    void on(BusinessMemberRemovedEvent event) {
        changes.accountChanged(event.accountRef());
    }

    @EventHandler
    void on(BusinessMemberRoleChangedEvent event) {
        changes.accountChanged(event.accountRef());
    }

    /** A business's state is not in any view today; its members' sessions are. Rare: forget everything. */
    @EventHandler
    void on(BusinessSuspendedEvent event) {
        changes.everythingChanged();
    }

    @EventHandler
    void on(BusinessReinstatedEvent event) {
        changes.everythingChanged();
    }
}
