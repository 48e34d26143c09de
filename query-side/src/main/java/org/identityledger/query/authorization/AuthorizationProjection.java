package org.identityledger.query.authorization;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.identityledger.events.business.BusinessCreatedEvent;
import org.identityledger.events.business.BusinessInvitationIssuedEvent;
import org.identityledger.events.business.BusinessInvitationRevokedEvent;
import org.identityledger.events.business.BusinessMemberJoinedEvent;
import org.identityledger.events.business.BusinessMemberRemovedEvent;
import org.identityledger.events.business.BusinessMemberRoleChangedEvent;
import org.identityledger.events.business.BusinessReinstatedEvent;
import org.identityledger.events.business.BusinessRole;
import org.identityledger.events.business.BusinessSuspendedEvent;
import org.identityledger.events.staff.StaffRoleGrantedEvent;
import org.identityledger.events.staff.StaffRoleRevokedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * The authorization read model, in the events' own transaction (subscribing, like every processor
 * here): a removed member, a suspended business or a revoked grant is what the very next request
 * reads. It records facts only; who may do what is decided by the rules that read it.
 */
@Component
@ProcessingGroup(AuthorizationProjection.PROCESSING_GROUP)
public class AuthorizationProjection {

    public static final String PROCESSING_GROUP = "authorization-view";

    private final JdbcTemplate jdbc;

    AuthorizationProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The same handlers writing through another template: a rebuild's, which batches its statements into a shadow copy. */
    public static AuthorizationProjection writingThrough(JdbcTemplate jdbc) {
        return new AuthorizationProjection(jdbc);
    }

    @EventHandler
    void on(BusinessCreatedEvent event) {
        jdbc.update("INSERT INTO business_view (business_id, handle, name, state, created_at) VALUES (?, ?, ?, 'active', ?)",
                event.businessId(), event.handle(), event.name(), Timestamp.from(event.createdAt()));
        member(event.businessId(), event.ownerAccountRef(), BusinessRole.OWNER, event.createdAt());
    }

    @EventHandler
    void on(BusinessMemberJoinedEvent event) {
        member(event.businessId(), event.accountRef(), event.role(), event.joinedAt());
        // An accepted invitation is never listed again and its address is now the member's own, which
        // leaves with the member's account (erasure): the view keeps no copy of it.
        jdbc.update("UPDATE invitation_view SET state = 'accepted', email = '' WHERE invitation_id = ?", event.invitationId());
    }

    @EventHandler
    void on(BusinessInvitationIssuedEvent event) {
        jdbc.update("INSERT INTO invitation_view (invitation_id, business_id, email, role, state, issued_at, expires_at)"
                        + " VALUES (?, ?, ?, ?, 'open', ?, ?)", event.invitationId(), event.businessId(), event.email(),
                event.role().wireName(), Timestamp.from(event.issuedAt()), Timestamp.from(event.expiresAt()));
    }

    @EventHandler
    void on(BusinessInvitationRevokedEvent event) {
        jdbc.update("UPDATE invitation_view SET state = 'revoked' WHERE invitation_id = ?", event.invitationId());
    }

    @EventHandler
    void on(BusinessMemberRoleChangedEvent event) {
        jdbc.update("UPDATE membership_view SET role = ? WHERE business_id = ? AND account_ref = ?",
                event.to().wireName(), event.businessId(), event.accountRef());
    }

    @EventHandler
    void on(BusinessMemberRemovedEvent event) {
        jdbc.update("DELETE FROM membership_view WHERE business_id = ? AND account_ref = ?", event.businessId(), event.accountRef());
    }

    @EventHandler
    void on(BusinessSuspendedEvent event) {
        jdbc.update("UPDATE business_view SET state = 'suspended' WHERE business_id = ?", event.businessId());
    }

    @EventHandler
    void on(BusinessReinstatedEvent event) {
        jdbc.update("UPDATE business_view SET state = 'active' WHERE business_id = ?", event.businessId());
    }

    @EventHandler
    void on(StaffRoleGrantedEvent event) {
        jdbc.update("INSERT INTO staff_grant_view (account_ref, role, granted_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                event.accountRef(), event.role().wireName(), Timestamp.from(event.grantedAt()));
    }

    @EventHandler
    void on(StaffRoleRevokedEvent event) {
        jdbc.update("DELETE FROM staff_grant_view WHERE account_ref = ? AND role = ?", event.accountRef(), event.role().wireName());
    }

    private void member(String businessId, String accountRef, BusinessRole role, java.time.Instant at) {
        jdbc.update("INSERT INTO membership_view (business_id, account_ref, role, joined_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (business_id, account_ref) DO UPDATE SET role = EXCLUDED.role",
                businessId, accountRef, role.wireName(), Timestamp.from(at));
    }
}
