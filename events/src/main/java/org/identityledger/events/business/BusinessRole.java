package org.identityledger.events.business;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Roles in a business team, highest first: owner > admin > member. */
public enum BusinessRole {
    OWNER,
    ADMIN,
    MEMBER;

    /** True when this role ranks at least as high as {@code other}. */
    public boolean atLeast(BusinessRole other) {
        return ordinal() <= other.ordinal();
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<BusinessRole> fromWireName(String name) {
        return Arrays.stream(values()).filter(role -> role.wireName().equals(name)).findFirst();
    }
}
