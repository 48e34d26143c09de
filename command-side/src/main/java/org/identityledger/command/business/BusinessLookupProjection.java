package org.identityledger.command.business;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.identityledger.events.business.BusinessCreatedEvent;
import org.identityledger.events.business.BusinessInvitationIssuedEvent;
import org.identityledger.events.business.BusinessMemberJoinedEvent;
import org.identityledger.events.business.BusinessMemberRemovedEvent;
import org.identityledger.events.business.BusinessMemberRoleChangedEvent;
import org.identityledger.events.business.BusinessReinstatedEvent;
import org.identityledger.events.business.BusinessRole;
import org.identityledger.events.business.BusinessSuspendedEvent;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Keeps the business lookups (handle and suspension, invitation token hash → business, who is on
 * the team with which role) in the transaction that
 * appends the events: the UNIQUE handle is what makes two racing creations end in one business,
 * and a failure here rolls the creation back with it.
 */
@Component
@ProcessingGroup(BusinessLookupProjection.PROCESSING_GROUP)
public class BusinessLookupProjection {

    public static final String PROCESSING_GROUP = "business-lookup";

    private final JdbcTemplate jdbc;

    public BusinessLookupProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(BusinessCreatedEvent event) {
        try {
            jdbc.update("INSERT INTO business_handle_lookup (handle_normalized, business_id) VALUES (?, ?)",
                    event.handle().toLowerCase(Locale.ROOT), event.businessId());
        } catch (DuplicateKeyException alreadyTaken) {
            throw new HandleTakenException();
        }
        member(event.businessId(), event.ownerAccountRef(), BusinessRole.OWNER);
    }

    @EventHandler
    void on(BusinessMemberJoinedEvent event) {
        member(event.businessId(), event.accountRef(), event.role());
    }

    @EventHandler
    void on(BusinessMemberRoleChangedEvent event) {
        member(event.businessId(), event.accountRef(), event.to());
    }

    /** Deleting the row takes its lock, so a business session start confirming it either commits first or waits and fails. */
    @EventHandler
    void on(BusinessMemberRemovedEvent event) {
        jdbc.update("DELETE FROM business_member_lookup WHERE business_id = ? AND account_ref = ?", event.businessId(),
                event.accountRef());
    }

    @EventHandler
    void on(BusinessSuspendedEvent event) {
        jdbc.update("UPDATE business_handle_lookup SET suspended = true WHERE business_id = ?", event.businessId());
    }

    @EventHandler
    void on(BusinessReinstatedEvent event) {
        jdbc.update("UPDATE business_handle_lookup SET suspended = false WHERE business_id = ?", event.businessId());
    }

    private void member(String businessId, String accountRef, BusinessRole role) {
        jdbc.update("INSERT INTO business_member_lookup (business_id, account_ref, role) VALUES (?, ?, ?)"
                + " ON CONFLICT (business_id, account_ref) DO UPDATE SET role = EXCLUDED.role", businessId, accountRef, role.wireName());
    }

    @EventHandler
    void on(BusinessInvitationIssuedEvent event) {
        jdbc.update("INSERT INTO business_invitation_lookup (token_hash, business_id) VALUES (?, ?)",
                event.tokenHash(), event.businessId());
    }
}
