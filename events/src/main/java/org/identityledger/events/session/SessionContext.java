package org.identityledger.events.session;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a session was opened for, chosen at sign-in and fixed for its life: the person's own
 * account, one business they work for, or platform staff work. Each has its own cookie and routes,
 * so a session of one can never act in another.
 */
public enum SessionContext {
    CUSTOMER,
    BUSINESS,
    STAFF;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SessionContext> fromWireName(String name) {
        return Arrays.stream(values()).filter(context -> context.wireName().equals(name)).findFirst();
    }
}
