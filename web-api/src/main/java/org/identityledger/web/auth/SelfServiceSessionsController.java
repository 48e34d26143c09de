package org.identityledger.web.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.axonframework.queryhandling.QueryGateway;
import org.identityledger.command.session.SignOutService;
import org.identityledger.events.session.SessionRevocationReason;
import org.identityledger.query.session.IsLiveSessionOfQuery;
import org.identityledger.query.session.ListLiveSessionsQuery;
import org.identityledger.query.session.LiveSession;
import org.identityledger.query.session.SessionList;
import org.identityledger.query.session.SessionSummary;
import org.identityledger.web.problem.NotFoundException;
import org.identityledger.web.paging.ListPage;
import org.identityledger.web.security.SessionResolver;
import org.identityledger.web.validation.WholeNumber;
import org.springdoc.core.annotations.ParameterObject;
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
 * The list is paged (newest first, an opaque cursor), so one answer stays small however many
 * sessions an account has opened.
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
    ResponseEntity<SessionsAnswer> list(@Valid @ParameterObject SessionPageParameters parameters, HttpServletRequest request) {
        int pageSize = parameters.limit() == null || parameters.limit().isEmpty() ? ListPage.DEFAULT_SIZE
                : Integer.parseInt(parameters.limit());
        ListLiveSessionsQuery.PageKey after = SessionCursor.decode(parameters.cursor()).orElse(null);
        LiveSession caller = sessionResolver.require(request);
        SessionList page = queryGateway.query(new ListLiveSessionsQuery(caller.accountRef(), pageSize, after),
                SessionList.class).join();
        List<SessionEntry> sessions = page.sessions().stream()
                .map(session -> new SessionEntry(session.sessionId(), session.transport(), session.deviceName(),
                        session.createdAt(), session.expiresAt(), session.sessionId().equals(caller.sessionId())))
                .toList();
        String nextCursor = page.hasMore() ? SessionCursor.encode(page.sessions().get(page.sessions().size() - 1)) : null;
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new SessionsAnswer(sessions, nextCursor));
    }

    @DeleteMapping("/v1/auth/sessions/{session_id}")
    ResponseEntity<Void> revoke(@PathVariable("session_id") String sessionId, HttpServletRequest request) {
        LiveSession caller = sessionResolver.require(request);
        boolean owned = queryGateway.query(new IsLiveSessionOfQuery(caller.accountRef(), sessionId), Boolean.class).join();
        if (!owned) {
            throw new NotFoundException("No such session.");
        }
        signOutService.revoke(sessionId, SessionRevocationReason.REVOKED_BY_HOLDER);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/v1/auth/sessions/revoke-others")
    ResponseEntity<Void> revokeOthers(HttpServletRequest request) {
        LiveSession caller = sessionResolver.require(request);
        signOutService.revokeOthers(caller.accountRef(), caller.sessionId());
        return ResponseEntity.noContent().build();
    }

    /** The query parameters of one page of the list. */
    record SessionPageParameters(@WholeNumber(min = 1, max = ListPage.MAX_SIZE) String limit, @PageCursor String cursor) {
    }

    record SessionsAnswer(List<SessionEntry> sessions, String nextCursor) {
    }

    record SessionEntry(String sessionId, String transport, String deviceName, Instant createdAt, Instant expiresAt,
                        boolean current) {
    }
}
