package org.identityledger.events.staff;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Platform staff roles: admins operate accounts, businesses, grants and projections; auditors read the ledger. */
public enum StaffRole {
    ADMIN,
    AUDITOR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<StaffRole> fromWireName(String name) {
        return Arrays.stream(values()).filter(role -> role.wireName().equals(name)).findFirst();
    }
}
