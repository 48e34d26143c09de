package org.identityledger.query.account;

import java.time.Instant;
import java.util.List;

/** Accounts as an admin sees them, ordered by email. */
public record AccountList(List<Entry> accounts) {

    public record Entry(String accountRef, String email, String displayName, String state, boolean emailVerified,
                        List<String> capabilities, List<String> staffRoles, Instant createdAt) {
    }
}
