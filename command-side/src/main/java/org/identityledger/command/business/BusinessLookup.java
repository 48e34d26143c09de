package org.identityledger.command.business;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Reads the business lookups: which business an invitation token belongs to. */
@Component
public class BusinessLookup {

    private final JdbcTemplate jdbc;

    public BusinessLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> handleOf(String businessId) {
        return jdbc.queryForList("SELECT handle_normalized FROM business_handle_lookup WHERE business_id = ?", String.class, businessId)
                .stream().findFirst();
    }

    public Optional<String> businessOfInvitation(String tokenHash) {
        return jdbc.queryForList("SELECT business_id FROM business_invitation_lookup WHERE token_hash = ?", String.class, tokenHash)
                .stream().findFirst();
    }
}
