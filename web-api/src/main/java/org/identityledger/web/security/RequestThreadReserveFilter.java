package org.identityledger.web.security;

import org.identityledger.infrastructure.config.IdentityProperties;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.identityledger.web.problem.Problem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.concurrent.Semaphore;

/**
 * Requests that carry a body (sign-ins, sign-ups, refreshes) may hold at most
 * identity.http.max-concurrent-body-requests request threads at once (default 48 of the 64), for
 * their whole processing: slow bodies or a login flood can never take the threads that serve
 * authenticated reads such as GET /v1/auth/me. Beyond that they are shed at once with 503 and
 * Retry-After rather than queued.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class RequestThreadReserveFilter extends OncePerRequestFilter {

    private static final String RETRY_AFTER_SECONDS = "2";

    private final Semaphore bodyRequests;
    private final ObjectMapper objectMapper;

    public RequestThreadReserveFilter(IdentityProperties properties, ObjectMapper objectMapper) {
        this.bodyRequests = new Semaphore(properties.getHttp().getMaxConcurrentBodyRequests());
        this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!Requests.readsBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (!bodyRequests.tryAcquire()) {
            Requests.closeIfBodyLeftUnread(request, response);
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            response.setContentType(Problem.MEDIA_TYPE.toString());
            objectMapper.writeValue(response.getOutputStream(), Problem.at(Problem.of(HttpStatus.SERVICE_UNAVAILABLE,
                    "SERVICE_UNAVAILABLE", "Too many requests are being processed right now; try again shortly."), request));
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            bodyRequests.release();
        }
    }
}
