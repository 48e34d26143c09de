package org.identityledger.web.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.identityledger.web.problem.Problem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Only canonical request paths reach routing; every other spelling gets 400 MALFORMED_REQUEST before
 * any filter, interceptor or controller sees it. Routing strips ";" parameters, decodes
 * percent-encoding and (in the container) merges slashes and dot segments, so "/v1;/auth/logout",
 * "/%761/auth/logout" and "/v1/x/../auth/logout" all reach the logout handler; a rule written
 * against the raw address would not recognise them. Rather than teach every rule every spelling,
 * there is exactly one spelling.
 *
 * <p>Spring Security's StrictHttpFirewall does most of this (";", encoded "/" "\" "." "%", "//",
 * dot segments, control characters) and is well kept, so it is used as is, standalone: this
 * service has no Spring Security filter chain. It does not refuse percent-encoded unreserved
 * characters ("%76" for "v"), which RFC 3986 §2.3 says are the same URI as the plain character and
 * which the router decodes; that one check is added here. The firewall's wrapped request is not
 * passed on: its header and parameter checks throw from getters, which would surface as 500s.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class CanonicalPathFilter extends OncePerRequestFilter {

    private static final String UNRESERVED_PUNCTUATION = "-._~";

    private final StrictHttpFirewall firewall = new StrictHttpFirewall();
    private final ObjectMapper objectMapper;

    public CanonicalPathFilter(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
        // Methods are Spring MVC's business (405 with Allow); the firewall judges only the path here.
        firewall.setUnsafeAllowAnyHttpMethod(true);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isCanonical(request)) {
            Requests.closeIfBodyLeftUnread(request, response);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(Problem.MEDIA_TYPE.toString());
            objectMapper.writeValue(response.getOutputStream(), Problem.at(Problem.of(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST",
                    "The request path is not in canonical form."), request));
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean isCanonical(HttpServletRequest request) {
        try {
            firewall.getFirewalledRequest(request);
        } catch (RequestRejectedException rejected) {
            return false;
        }
        return !hasEncodedUnreservedCharacter(request.getRequestURI());
    }

    /** True for "%41", "%7e", "%2D" and the like, in either hex case. */
    static boolean hasEncodedUnreservedCharacter(String rawPath) {
        for (int i = rawPath.indexOf('%'); i >= 0 && i + 2 < rawPath.length(); i = rawPath.indexOf('%', i + 1)) {
            int high = Character.digit(rawPath.charAt(i + 1), 16);
            int low = Character.digit(rawPath.charAt(i + 2), 16);
            if (high >= 0 && low >= 0 && isUnreserved((char) (high * 16 + low))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || UNRESERVED_PUNCTUATION.indexOf(c) >= 0;
    }
}
