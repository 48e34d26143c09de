package org.identityledger.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import org.identityledger.command.common.DomainException;
import org.identityledger.command.port.PasswordHashingBusyException;
import org.identityledger.command.port.RateLimitedException;
import org.identityledger.web.problem.ValidationFailedException;
import org.identityledger.web.security.Requests;
import org.identityledger.web.security.RouteFamily;
import org.identityledger.web.security.SecurityEvents;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * A page is answered with a page, refusals too: the same status and code as the API would give
 * (ProblemAdvice's one map), worded for a person, with the way on (a sign-in page when the session
 * is missing or of another context, the team page after a refused change). The stable code is on
 * the page as well, for support and for tests.
 */
@ControllerAdvice(basePackageClasses = PageProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageProblems {

    private final SecurityEvents securityEvents;

    PageProblems(SecurityEvents securityEvents) {
        this.securityEvents = securityEvents;
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<String> refused(DomainException refused, HttpServletRequest request) {
        securityEvents.refused(refused.code(), request);
        return withRetryAfter(refusalPage(Pages.statusOf(refused.code()), refused.code(), refused.getMessage(), request), refused);
    }

    /** A rate-limited refusal says when to try again, on a page as on the API. */
    static ResponseEntity<String> withRetryAfter(ResponseEntity<String> page, DomainException refused) {
        if (refused instanceof RateLimitedException limited) {
            return ResponseEntity.status(page.getStatusCode()).headers(page.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds())).body(page.getBody());
        }
        return page;
    }

    @ExceptionHandler(ValidationFailedException.class)
    ResponseEntity<String> invalid(ValidationFailedException invalid, HttpServletRequest request) {
        String problems = invalid.problems().stream()
                .map(problem -> "<li>" + PageHtml.escape(problem.field()) + ": " + PageHtml.escape(problem.message()) + "</li>")
                .collect(Collectors.joining("", "<ul>", "</ul>"));
        return PageHtml.page(400, "Please check the form", problems + wayOn("VALIDATION_FAILED", request)
                + "<p class=\"code\">Code: VALIDATION_FAILED</p>");
    }

    @ExceptionHandler(PasswordHashingBusyException.class)
    ResponseEntity<String> busy(PasswordHashingBusyException busy, HttpServletRequest request) {
        ResponseEntity<String> page = refusalPage(503, "SERVICE_UNAVAILABLE", busy.getMessage(), request);
        return ResponseEntity.status(503).headers(page.getHeaders()).header(HttpHeaders.RETRY_AFTER, "5").body(page.getBody());
    }

    static ResponseEntity<String> refusalPage(int status, String code, String message, HttpServletRequest request) {
        String body = "<p>" + PageHtml.escape(message) + "</p>" + wayOn(code, request)
                + "<p class=\"code\">Code: " + PageHtml.escape(code) + "</p>";
        return PageHtml.page(status, Pages.titleOf(code), body);
    }

    /** Where a person goes from here: the sign-in page of the page's context, or back to the page they came from. */
    private static String wayOn(String code, HttpServletRequest request) {
        String handle = pathVariable(request, "handle");
        RouteFamily family = RouteFamily.of(Requests.routedPath(request));
        boolean business = family == RouteFamily.BUSINESS_PAGES;
        boolean staff = family == RouteFamily.STAFF_PAGES;
        if (code.equals("UNAUTHENTICATED") || code.equals("CONTEXT_MISMATCH")) {
            if (business) {
                return PageHtml.link(BusinessPages.signInPath(handle), "Sign in to the business");
            }
            if (staff) {
                return PageHtml.link(StaffPages.SIGN_IN, "Sign in as staff");
            }
        }
        if (business && handle != null && !code.equals("NOT_FOUND")) {
            return PageHtml.link(BusinessPages.teamPath(handle), "Back to the team");
        }
        return "";
    }

    private static String pathVariable(HttpServletRequest request, String name) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables instanceof Map<?, ?> map && map.get(name) instanceof String value ? value : null;
    }
}
