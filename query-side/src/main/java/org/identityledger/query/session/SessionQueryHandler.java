package org.identityledger.query.session;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The hot path: one unique-index read per request, never the event store. Activity is recorded
 * at most once a minute per session so that reads do not turn into writes on every request.
 */
@Component
public class SessionQueryHandler {

    private static final Duration ACTIVITY_RESOLUTION = Duration.ofMinutes(1);

    private final SessionViewRepository sessions;
    private final Clock clock;

    SessionQueryHandler(SessionViewRepository sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    @QueryHandler
    @Transactional
    public LiveSession handle(FindLiveSessionQuery query) {
        return live(sessions.findBySecretHash(query.secretHash()));
    }

    @QueryHandler
    @Transactional
    public LiveSession handle(FindLiveSessionByIdQuery query) {
        return live(sessions.findById(query.sessionId()));
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public SessionList handle(ListLiveSessionsQuery query) {
        Instant now = clock.instant();
        return new SessionList(sessions.findByAccountRefAndRevokedAtIsNullOrderByStartedAtDesc(query.accountRef()).stream()
                .filter(session -> session.isLiveAt(now))
                .map(session -> new SessionSummary(session.sessionId(), session.transport(), session.deviceName(),
                        session.startedAt(), session.expiresAt()))
                .toList());
    }

    private LiveSession live(Optional<SessionView> found) {
        Instant now = clock.instant();
        return found.filter(session -> session.isLiveAt(now))
                .map(session -> {
                    if (session.lastSeenAt().isBefore(now.minus(ACTIVITY_RESOLUTION))) {
                        sessions.touch(session.sessionId(), now, now.minus(ACTIVITY_RESOLUTION));
                    }
                    return new LiveSession(session.sessionId(), session.accountRef(), session.transport(),
                            session.expiresAt());
                })
                .orElse(null);
    }
}
