package org.identityledger.query.account;

import org.identityledger.query.paging.PagePosition;

import java.time.Instant;
import java.util.List;

/** A page of accounts as an admin sees them, by email; {@code next} as for every page. */
public record AccountList(List<Entry> accounts, PagePosition next) {

    public record Entry(String accountRef, String email, String displayName, String state, boolean emailVerified,
                        List<String> capabilities, List<String> staffRoles, Instant createdAt) {
    }
}
