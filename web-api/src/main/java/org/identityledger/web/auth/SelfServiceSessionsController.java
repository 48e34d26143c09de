package org.identityledger.web.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.queryhandling.QueryGateway;
import org.identityledger.command.session.SignOutService;
import org.identityledger.events.session.SessionRevocationReason;
import org.identityledger.query.session.ListLiveSessionsQuery;
import org.identityledger.query.session.LiveSession;
import org.identityledger.query.session.SessionList;
import org.identityledger.query.session.SessionSummary;
import org.identityledger.web.problem.NotFoundException;
import org.identityledger.web.security.SessionResolver;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * People see and end their own sessions, from either transport. Ownership is checked against the
 * caller's live sessions, so another account's session id is indistinguishable from an unknown one.
 */
@RestController
class SelfServiceSessionsController {

    private final SessionResolver sessionResolver;
    private final QueryGateway queryGateway;
    private final SignOutService signOutService;

    SelfServiceSessionsController(SessionResolver sessionResolver, QueryGateway queryGateway,
                                  SignOutService signOutService) {
        this.sessionResolver = sessionResolver;
        this.queryGateway = queryGateway;
        this.signOutService = signOutService;
    }

    @GetMapping("/v1/auth/sessions")
    ResponseEntity<SessionsAnswer> list(HttpServletRequest request) {
        LiveSession caller = sessionResolver.require(request);
        List<SessionEntry> sessions = liveSessionsOf(caller).stream()
                .map(session -> new SessionEntry(session.sessionId(), session.transport(), session.deviceName(),
                        session.createdAt(), session.expiresAt(), session.sessionId().equals(caller.sessionId())))
                .toList();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new SessionsAnswer(sessions));
    }

    @DeleteMapping("/v1/auth/sessions/{session_id}")
    ResponseEntity<Void> revoke(@PathVariable("session_id") String sessionId, HttpServletRequest request) {
        LiveSession caller = sessionResolver.require(request);
        boolean owned = liveSessionsOf(caller).stream().anyMatch(session -> session.sessionId().equals(sessionId));
        if (!owned) {
            throw new NotFoundException("No such session.");
        }
        signOutService.revoke(sessionId, SessionRevocationReason.REVOKED_BY_HOLDER);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/v1/auth/sessions/revoke-others")
    ResponseEntity<Void> revokeOthers(HttpServletRequest request) {
        LiveSession caller = sessionResolver.require(request);
        liveSessionsOf(caller).stream()
                .filter(session -> !session.sessionId().equals(caller.sessionId()))
                .forEach(session -> signOutService.revoke(session.sessionId(), SessionRevocationReason.REVOKED_BY_HOLDER));
        return ResponseEntity.noContent().build();
    }

    private List<SessionSummary> liveSessionsOf(LiveSession caller) {
        return queryGateway.query(new ListLiveSessionsQuery(caller.accountRef()), SessionList.class).join().sessions();
    }

    record SessionsAnswer(List<SessionEntry> sessions) {
    }

    record SessionEntry(String sessionId, String transport, String deviceName, Instant createdAt, Instant expiresAt,
                        boolean current) {
    }
}
