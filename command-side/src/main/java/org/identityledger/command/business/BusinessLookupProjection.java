package org.identityledger.command.business;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.identityledger.events.business.BusinessCreatedEvent;
import org.identityledger.events.business.BusinessInvitationIssuedEvent;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Keeps the business lookups (handle, invitation token hash → business) in the transaction that
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
    }

    @EventHandler
    void on(BusinessInvitationIssuedEvent event) {
        jdbc.update("INSERT INTO business_invitation_lookup (token_hash, business_id) VALUES (?, ?)",
                event.tokenHash(), event.businessId());
    }
}
