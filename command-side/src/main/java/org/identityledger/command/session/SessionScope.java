package org.identityledger.command.session;

import org.identityledger.events.session.SessionContext;

import java.util.Objects;

/** The context a sign-in asks for: a customer or staff session, or a session for one business. */
public record SessionScope(SessionContext context, String businessId) {

    public SessionScope {
        Objects.requireNonNull(context, "context");
        if ((context == SessionContext.BUSINESS) != (businessId != null)) {
            throw new IllegalArgumentException("a business id belongs to a business session, and only there");
        }
    }

    public static SessionScope customer() {
        return new SessionScope(SessionContext.CUSTOMER, null);
    }

    public static SessionScope staff() {
        return new SessionScope(SessionContext.STAFF, null);
    }

    public static SessionScope business(String businessId) {
        return new SessionScope(SessionContext.BUSINESS, businessId);
    }
}
