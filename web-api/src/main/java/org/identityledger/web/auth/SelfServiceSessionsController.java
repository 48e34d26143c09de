package org.identityledger.web.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.queryhandling.QueryGateway;
import org.identityledger.command.session.SignOutService;
import org.identityledger.events.session.SessionRevocationReason;
import org.identityledger.query.session.IsLiveSessionOfQuery;
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
import org.springframework.web.bind.annotation.RequestParam;
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

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 100;

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
    ResponseEntity<SessionsAnswer> list(@RequestParam(name = "limit", required = false) String limit,
                                        @RequestParam(name = "cursor", required = false) String cursor,
                                        HttpServletRequest request) {
        Fields fields = new Fields();
        int pageSize = fields.optionalInteger("limit", limit, 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE);
        ListLiveSessionsQuery.PageKey after = SessionCursor.decode(fields, "cursor", cursor);
        fields.validate();
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

    record SessionsAnswer(List<SessionEntry> sessions, String nextCursor) {
    }

    record SessionEntry(String sessionId, String transport, String deviceName, Instant createdAt, Instant expiresAt,
                        boolean current) {
    }

    /** The cursor is the last listed session's position, base64url: opaque to clients, checked on the way in. */
    static final class SessionCursor {

        private static final java.util.Base64.Encoder ENCODER = java.util.Base64.getUrlEncoder().withoutPadding();
        private static final java.util.regex.Pattern SHAPE = java.util.regex.Pattern.compile("(-?\\d{1,19})\\.([A-Za-z0-9_-]{1,64})");

        private SessionCursor() {
        }

        static String encode(SessionSummary last) {
            String position = last.createdAt().toEpochMilli() + "." + last.sessionId();
            return ENCODER.encodeToString(position.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        static ListLiveSessionsQuery.PageKey decode(Fields fields, String field, String cursor) {
            if (cursor == null || cursor.isEmpty()) {
                return null;
            }
            try {
                String position = cursor.length() > 128 ? "" : new String(java.util.Base64.getUrlDecoder().decode(cursor),
                        java.nio.charset.StandardCharsets.UTF_8);
                java.util.regex.Matcher matcher = SHAPE.matcher(position);
                if (matcher.matches()) {
                    return new ListLiveSessionsQuery.PageKey(Instant.ofEpochMilli(Long.parseLong(matcher.group(1))),
                            matcher.group(2));
                }
            } catch (IllegalArgumentException notACursor) {
                // reported below, like any other malformed cursor
            }
            fields.invalid(field, "Not a cursor this service handed out.");
            return null;
        }
    }
}
