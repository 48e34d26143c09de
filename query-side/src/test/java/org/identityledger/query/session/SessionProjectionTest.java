package org.identityledger.query.session;

import org.identityledger.events.session.RefreshTokenRotatedEvent;
import org.identityledger.events.session.SessionRevocationReason;
import org.identityledger.events.session.SessionRevokedEvent;
import org.identityledger.events.session.SessionContext;
import org.identityledger.events.session.SessionStartedEvent;
import org.identityledger.events.session.SessionTransport;
import org.identityledger.query.support.ProjectionDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Events in, session_view rows out, and the query handler's answers over them. */
class SessionProjectionTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final JdbcTemplate jdbc = ProjectionDatabase.jdbc();
    private final SessionProjection projection = new SessionProjection(jdbc);
    private final SessionQueryHandler queries = new SessionQueryHandler(jdbc, Clock.fixed(NOW.plusSeconds(30), ZoneOffset.UTC));
    private final String account = "acc_" + UUID.randomUUID();

    private SessionStartedEvent started(String sessionId, SessionTransport transport, String secretHash) {
        return new SessionStartedEvent(sessionId, account, transport, secretHash, "Firefox", NOW,
                NOW.plus(Duration.ofHours(12)), Duration.ofMinutes(30), SessionContext.CUSTOMER, null);
    }

    @Test
    void aBrowserSessionIsFoundByTheHashOfItsCookieSecret() {
        String hash = UUID.randomUUID().toString().replace("-", "").repeat(2);
        projection.on(started("ses_" + UUID.randomUUID(), SessionTransport.BROWSER, hash));

        LiveSession found = queries.handle(new FindLiveSessionQuery(hash, SessionContext.CUSTOMER));

        assertThat(found).isNotNull();
        assertThat(found.accountRef()).isEqualTo(account);
        assertThat(found.transport()).isEqualTo("browser");
    }

    @Test
    void aSessionCarriesTheContextItWasOpenedFor() {
        String sessionId = "ses_" + UUID.randomUUID();
        projection.on(new SessionStartedEvent(sessionId, account, SessionTransport.NATIVE, "ab".repeat(32), "iPad", NOW,
                NOW.plus(Duration.ofHours(12)), Duration.ofMinutes(30), SessionContext.BUSINESS, "biz_1"));

        LiveSession found = queries.handle(new FindLiveSessionByIdQuery(sessionId));

        assertThat(found.context()).isEqualTo(SessionContext.BUSINESS);
        assertThat(found.businessId()).isEqualTo("biz_1");
    }

    @Test
    void aCookieOpensOnlyASessionOfItsOwnContext() {
        String hash = UUID.randomUUID().toString().replace("-", "").repeat(2);
        projection.on(new SessionStartedEvent("ses_" + UUID.randomUUID(), account, SessionTransport.BROWSER, hash, null, NOW,
                NOW.plus(Duration.ofHours(2)), Duration.ofMinutes(30), SessionContext.STAFF, null));

        assertThat(queries.handle(new FindLiveSessionQuery(hash, SessionContext.CUSTOMER))).isNull();
        assertThat(queries.handle(new FindLiveSessionQuery(hash, SessionContext.BUSINESS))).isNull();
        assertThat(queries.handle(new FindLiveSessionQuery(hash, SessionContext.STAFF))).isNotNull();
    }

    @Test
    void aNativeSessionHasNoCookieSecretInTheReadModel() {
        String sessionId = "ses_" + UUID.randomUUID();
        String refreshHash = UUID.randomUUID().toString().replace("-", "").repeat(2);
        projection.on(started(sessionId, SessionTransport.NATIVE, refreshHash));

        assertThat(jdbc.queryForObject("SELECT secret_hash FROM session_view WHERE session_id = ?", String.class, sessionId)).isNull();
        assertThat(queries.handle(new FindLiveSessionQuery(refreshHash, SessionContext.CUSTOMER))).isNull();
        assertThat(queries.handle(new FindLiveSessionByIdQuery(sessionId))).isNotNull();
    }

    @Test
    void aRevokedSessionRecordsWhyAndIsNoLongerLive() {
        String sessionId = "ses_" + UUID.randomUUID();
        projection.on(started(sessionId, SessionTransport.NATIVE, UUID.randomUUID().toString().replace("-", "").repeat(2)));
        projection.on(new SessionRevokedEvent(sessionId, account, SessionRevocationReason.REFRESH_TOKEN_REUSED, NOW.plusSeconds(5)));

        Map<String, Object> row = jdbc.queryForMap("SELECT revoked_at, revocation_reason FROM session_view WHERE session_id = ?", sessionId);
        assertThat(row.get("revocation_reason")).isEqualTo("refresh_token_reused");
        assertThat(((Timestamp) row.get("revoked_at")).toInstant()).isEqualTo(NOW.plusSeconds(5));
        assertThat(queries.handle(new FindLiveSessionByIdQuery(sessionId))).isNull();
        assertThat(queries.handle(new IsLiveSessionOfQuery(account, sessionId))).isFalse();
    }

    @Test
    void aRotationCountsAsActivityAndNeverMovesItBackwards() {
        String sessionId = "ses_" + UUID.randomUUID();
        projection.on(started(sessionId, SessionTransport.NATIVE, UUID.randomUUID().toString().replace("-", "").repeat(2)));
        projection.on(new RefreshTokenRotatedEvent(sessionId, account, "a".repeat(64), "b".repeat(64), 1, NOW.plusSeconds(600)));
        projection.on(new RefreshTokenRotatedEvent(sessionId, account, "b".repeat(64), "c".repeat(64), 2, NOW.plusSeconds(300)));

        assertThat(jdbc.queryForObject("SELECT last_seen_at FROM session_view WHERE session_id = ?", Timestamp.class, sessionId)
                .toInstant()).isEqualTo(NOW.plusSeconds(600));
    }

    @Test
    void theSessionListPagesNewestFirst() {
        for (int i = 0; i < 3; i++) {
            projection.on(new SessionStartedEvent("ses_" + i + "_" + account, account, SessionTransport.BROWSER,
                    UUID.randomUUID().toString().replace("-", "").repeat(2), null, NOW.plusSeconds(i),
                    NOW.plus(Duration.ofHours(12)), Duration.ofMinutes(30), SessionContext.CUSTOMER, null));
        }

        SessionList first = queries.handle(new ListLiveSessionsQuery(account, 2, null));
        SessionSummary last = first.sessions().get(1);
        SessionList second = queries.handle(new ListLiveSessionsQuery(account, 2,
                new ListLiveSessionsQuery.PageKey(last.createdAt(), last.sessionId())));

        assertThat(first.sessions()).extracting(SessionSummary::sessionId).containsExactly("ses_2_" + account, "ses_1_" + account);
        assertThat(first.hasMore()).isTrue();
        assertThat(second.sessions()).extracting(SessionSummary::sessionId).containsExactly("ses_0_" + account);
        assertThat(second.hasMore()).isFalse();
    }
}
