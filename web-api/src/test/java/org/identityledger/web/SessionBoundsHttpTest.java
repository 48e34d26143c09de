package org.identityledger.web;

import org.identityledger.command.session.StartSessionCommand;
import org.identityledger.events.session.SessionTransport;
import org.identityledger.web.support.Browser;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** No list, table or answer about sessions grows without bound, however many times one account signs in. */
class SessionBoundsHttpTest extends IntegrationTest {

    /** The default of identity.session.max-live-per-account. */
    private static final int MAX_LIVE = 100;

    @Test
    void theSessionListIsPagedWithACursorNewestFirst() {
        String email = uniqueEmail();
        signUp(browser(), email);
        List<String> started = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            started.add(0, nativeLogIn(email).text("session_id"));
        }
        Browser app = nativeClient().bearer(nativeLogIn(email).text("access_token"));
        started.add(0, null);

        List<String> seen = new ArrayList<>();
        String path = "/v1/auth/sessions?limit=2";
        int pages = 0;
        while (path != null) {
            HttpAnswer page = app.get(path);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.json().path("sessions").size()).isLessThanOrEqualTo(2);
            page.json().path("sessions").forEach(session -> seen.add(session.path("session_id").asText()));
            String cursor = page.json().path("next_cursor").isNull() ? null : page.json().path("next_cursor").asText();
            path = cursor == null ? null : "/v1/auth/sessions?limit=2&cursor=" + cursor;
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(6).doesNotHaveDuplicates();
        assertThat(seen.subList(1, 6)).containsExactlyElementsOf(started.subList(1, 6));
    }

    @Test
    void aPageSizeOrCursorOutOfBoundsIsAValidationProblem() {
        String email = uniqueEmail();
        signUp(browser(), email);
        Browser app = nativeClient().bearer(nativeLogIn(email).text("access_token"));

        app.get("/v1/auth/sessions?limit=0").assertProblem(400, "VALIDATION_FAILED");
        app.get("/v1/auth/sessions?limit=101").assertProblem(400, "VALIDATION_FAILED");
        app.get("/v1/auth/sessions?limit=abc").assertProblem(400, "VALIDATION_FAILED");
        app.get("/v1/auth/sessions?cursor=not-a-cursor").assertProblem(400, "VALIDATION_FAILED");
    }

    @Test
    void anAccountHoldsAtMostTheConfiguredNumberOfLiveSessionsAndTheOldestEndsAsALedgerFact() {
        String email = uniqueEmail();
        String accountRef = signUp(browser(), email);
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<String> sessionIds = new ArrayList<>();
        for (int i = 0; i < MAX_LIVE + 5; i++) {
            String sessionId = "ses_bound_" + i + "_" + accountRef;
            Instant startedAt = start.plusMillis(i);
            commandGateway.sendAndWait(new StartSessionCommand(sessionId, accountRef, 1L, SessionTransport.BROWSER,
                    sha256(sessionId), null, startedAt,
                    startedAt.plus(Duration.ofHours(1)), Duration.ofMinutes(30),
                    org.identityledger.command.session.SessionScope.customer()));
            sessionIds.add(sessionId);
        }

        assertThat(jdbc.queryForObject("SELECT count(*) FROM session_view WHERE account_ref = ? AND revoked_at IS NULL",
                Long.class, accountRef)).isEqualTo(MAX_LIVE);
        Set<String> revoked = new HashSet<>(jdbc.queryForList("SELECT aggregate_identifier FROM domain_event_entry"
                + " WHERE payload_type LIKE '%.SessionRevokedEvent' AND convert_from(payload, 'UTF8')::jsonb ->> 'account_ref' = ?"
                + " AND convert_from(payload, 'UTF8')::jsonb ->> 'reason' = 'SESSION_LIMIT_EXCEEDED'", String.class, accountRef));
        assertThat(revoked).containsExactlyInAnyOrderElementsOf(sessionIds.subList(0, 5));
    }

    @Test
    void expiredAndRevokedSessionsArePurgedFromTheReadModelsButNotFromTheLedger() {
        String email = uniqueEmail();
        String accountRef = signUp(browser(), email);
        HttpAnswer expiring = nativeLogIn(email);
        Browser browser = browser();
        logIn(browser, email);
        browser.post("/v1/auth/logout");
        String loggedOut = jdbc.queryForObject("SELECT session_id FROM session_view WHERE account_ref = ? AND transport = 'browser'",
                String.class, accountRef);

        clock.advance(Duration.ofDays(31));
        HttpAnswer current = nativeLogIn(email);
        purge();

        List<String> remaining = jdbc.queryForList("SELECT session_id FROM session_view WHERE account_ref = ?", String.class, accountRef);
        assertThat(remaining).containsExactly(current.text("session_id"));
        assertThat(jdbc.queryForList("SELECT session_id FROM session_lookup WHERE account_ref = ?", String.class, accountRef))
                .containsExactly(current.text("session_id"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM refresh_token_lookup WHERE session_id = ?", Long.class,
                expiring.text("session_id"))).isZero();
        assertThat(eventCount(expiring.text("session_id"))).isEqualTo(1);
        assertThat(eventCount(loggedOut)).isEqualTo(2);
    }

    @Test
    void aRevokedSessionStaysInTheReadModelsUntilPurgeAfterHasPassedSinceItsRevocation() {
        String email = uniqueEmail();
        signUp(browser(), email);
        HttpAnswer tokens = nativeLogIn(email);
        String sessionId = tokens.text("session_id");
        assertThat(nativeClient().bearer(tokens.text("access_token")).post("/v1/auth/native/logout").status()).isEqualTo(204);

        // identity.session.purge-after is a day: an hour short of it, the logout is too recent to forget.
        clock.advance(Duration.ofHours(23));
        purge();
        assertThat(rowsOf(sessionId)).containsExactly(1L, 1L, 1L);

        clock.advance(Duration.ofHours(1).plusMinutes(1));
        purge();
        assertThat(rowsOf(sessionId)).containsExactly(0L, 0L, 0L);
        assertThat(eventCount(sessionId)).isEqualTo(2);
    }

    /** The session's rows in session_view, session_lookup and refresh_token_lookup. */
    private List<Long> rowsOf(String sessionId) {
        return List.of(
                jdbc.queryForObject("SELECT count(*) FROM session_view WHERE session_id = ?", Long.class, sessionId),
                jdbc.queryForObject("SELECT count(*) FROM session_lookup WHERE session_id = ?", Long.class, sessionId),
                jdbc.queryForObject("SELECT count(*) FROM refresh_token_lookup WHERE session_id = ?", Long.class, sessionId));
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private void purge() {
        applicationContext.getBean(org.identityledger.infrastructure.housekeeping.SessionPurge.class).purgeEndedSessions();
    }

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.context.ApplicationContext applicationContext;
}
