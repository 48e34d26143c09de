package org.identityledger.web.security;

import org.identityledger.events.session.SessionContext;

import java.util.Optional;

/**
 * Which sessions a route serves, decided on the route the router matched (never the raw URI), in
 * this one place: the context a session must have there, and which cookie (if any) may carry it.
 * The contract's table "Contexts": customer routes take the customer cookie or a customer bearer;
 * business and staff pages take their own path-scoped cookie or a bearer of their context; the
 * business, admin and audit APIs, the native routes and authorization decisions take only a bearer.
 */
public enum RouteFamily {
    /** {@code /v1/auth/me}: any context; a browser reaches it only with the customer cookie (the others are path-scoped). */
    ANY_CONTEXT(null, SessionContext.CUSTOMER),
    /** {@code /v1/auth/native/**} and {@code /v1/authz/**}: any context, bearer only. */
    ANY_CONTEXT_BEARER_ONLY(null, null),
    CUSTOMER(SessionContext.CUSTOMER, SessionContext.CUSTOMER),
    BUSINESS_API(SessionContext.BUSINESS, null),
    BUSINESS_PAGES(SessionContext.BUSINESS, SessionContext.BUSINESS),
    STAFF_API(SessionContext.STAFF, null),
    STAFF_PAGES(SessionContext.STAFF, SessionContext.STAFF);

    private final SessionContext requiredContext;
    private final SessionContext cookieContext;

    RouteFamily(SessionContext requiredContext, SessionContext cookieContext) {
        this.requiredContext = requiredContext;
        this.cookieContext = cookieContext;
    }

    /** The family of a routed path ({@link Requests#routedPath}: the matched pattern, or the path the router will see). */
    public static RouteFamily of(String routedPath) {
        if (routedPath.equals("/v1/auth/me")) {
            return ANY_CONTEXT;
        }
        if (routedPath.startsWith("/v1/auth/native/") || routedPath.startsWith("/v1/authz/")) {
            return ANY_CONTEXT_BEARER_ONLY;
        }
        if (routedPath.startsWith("/v1/businesses/")) {
            return BUSINESS_API;
        }
        if (routedPath.startsWith("/v1/admin/") || routedPath.startsWith("/v1/audit/")) {
            return STAFF_API;
        }
        if (routedPath.equals("/business") || routedPath.startsWith("/business/")) {
            return BUSINESS_PAGES;
        }
        if (routedPath.equals("/admin") || routedPath.startsWith("/admin/")) {
            return STAFF_PAGES;
        }
        return CUSTOMER;
    }

    /**
     * The staff role a staff route needs beyond the staff context: the admin APIs and the console's
     * account and projection pages need {@code admin}, the audit APIs and the console's audit pages {@code auditor}.
     * The rest of the console (sign-in, sign-out, its front page) serves both roles.
     */
    public static Optional<String> requiredStaffRole(String routedPath) {
        if (routedPath.startsWith("/v1/audit/") || routedPath.startsWith("/admin/audit/")) {
            return Optional.of("auditor");
        }
        if (routedPath.startsWith("/v1/admin/") || routedPath.startsWith("/admin/accounts") || routedPath.startsWith("/admin/projections")) {
            return Optional.of("admin");
        }
        return Optional.empty();
    }

    /** Whether this family's routes are pages (HTML, forms, a path-scoped cookie), not APIs. */
    public boolean isPages() {
        return this == BUSINESS_PAGES || this == STAFF_PAGES;
    }

    /** The context whose cookie this route reads; empty when it reads no cookie at all. */
    public Optional<SessionContext> cookieContext() {
        return Optional.ofNullable(cookieContext);
    }

    public boolean admits(SessionContext context) {
        return requiredContext == null || requiredContext == context;
    }
}
