package org.identityledger.web.security;

import jakarta.servlet.http.HttpServletRequest;
import org.identityledger.command.port.SecurityLog;
import org.identityledger.query.session.LiveSession;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * What the HTTP edge writes to the security log, in one place: which refusal codes are security
 * events of which type, and who and where they came from. Recording never fails the request.
 */
@Component
public class SecurityEvents {

    private static final Map<String, String> TYPES = Map.of(
            "INVALID_CREDENTIALS", "login_failed",
            "FORBIDDEN", "permission_denied",
            "CONTEXT_MISMATCH", "permission_denied",
            "RATE_LIMITED", "rate_limited");

    private final SecurityLog securityLog;
    private final AbuseGuard abuseGuard;

    private final LoginMetrics metrics;

    public SecurityEvents(SecurityLog securityLog, AbuseGuard abuseGuard, LoginMetrics metrics) {
        this.metrics = metrics;
        this.securityLog = securityLog;
        this.abuseGuard = abuseGuard;
    }

    /** A refusal with this contract code: recorded if it is a security event. */
    public void refused(String code, HttpServletRequest request) {
        metrics.refused(code);
        String type = TYPES.get(code);
        if (type != null) {
            record(type, request, request.getMethod() + " " + Requests.routedPath(request) + " " + code);
        }
    }

    public void record(String type, HttpServletRequest request, String detail) {
        try {
            Object session = request.getAttribute(SessionResolver.RESOLVED_SESSION);
            String accountRef = session instanceof LiveSession live ? live.accountRef() : null;
            securityLog.record(new SecurityLog.Entry(type, accountRef, null, abuseGuard.clientAddress(request), detail));
        } catch (RuntimeException unrecorded) {
            // The log must never fail the request; the buffer counts what it cannot take.
        }
    }
}
