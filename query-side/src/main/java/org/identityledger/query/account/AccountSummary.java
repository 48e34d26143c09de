package org.identityledger.query.account;

import java.util.List;

/** What a client may know about its own account. */
public record AccountSummary(
        String accountRef,
        String email,
        String displayName,
        String state,
        boolean emailVerified,
        List<String> capabilities) {
}
