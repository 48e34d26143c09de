package org.identityledger.query.account;

import java.util.List;

/** What a client may know about its own account: who it is, what it may do, and for whom it works. */
public record AccountSummary(
        String accountRef,
        String email,
        String displayName,
        String state,
        boolean emailVerified,
        List<String> capabilities,
        List<Membership> memberships,
        List<String> staffRoles) {
}
