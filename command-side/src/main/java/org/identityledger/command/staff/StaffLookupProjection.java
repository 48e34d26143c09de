package org.identityledger.command.staff;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.identityledger.events.staff.StaffRoleGrantedEvent;
import org.identityledger.events.staff.StaffRoleRevokedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who holds which staff role, in the transaction of the grant or revocation: a staff session start
 * confirms a row here under a share lock, so a revocation either commits first or waits for it.
 */
@Component
@ProcessingGroup(StaffLookupProjection.PROCESSING_GROUP)
public class StaffLookupProjection {

    public static final String PROCESSING_GROUP = "staff-lookup";

    private final JdbcTemplate jdbc;

    public StaffLookupProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(StaffRoleGrantedEvent event) {
        jdbc.update("INSERT INTO staff_grant_lookup (account_ref, role) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.accountRef(), event.role().wireName());
    }

    @EventHandler
    void on(StaffRoleRevokedEvent event) {
        jdbc.update("DELETE FROM staff_grant_lookup WHERE account_ref = ? AND role = ?", event.accountRef(), event.role().wireName());
    }
}
