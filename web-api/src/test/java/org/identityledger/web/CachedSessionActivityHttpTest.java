package org.identityledger.web;

import org.identityledger.query.cache.CachedViews;
import org.identityledger.web.support.Browser;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cached session's use is written down once a minute (its idle timeout counts from it) without
 * reading the session again, and that write is also the check that catches a revocation the cache
 * never heard of.
 */
class CachedSessionActivityHttpTest extends IntegrationTest {

    @Autowired
    private CachedViews views;

    @Test
    void aCachedSessionRecordsItsUseOnceAMinuteWithoutBeingReadAgain() {
        Browser browser = signedIn();
        String sessionId = browser.get("/v1/auth/me").json().path("session").path("session_id").asText();

        clock.advance(Duration.ofMinutes(2));
        long missesBefore = views.misses();
        Instant usedFrom = clock.instant().truncatedTo(ChronoUnit.MICROS);
        assertThat(browser.get("/v1/auth/me").status()).isEqualTo(200);

        assertThat(views.misses()).as("the session was not read again").isEqualTo(missesBefore);
        assertThat(lastSeenAt(sessionId)).isBetween(usedFrom, clock.instant());
    }

    /** A revocation written without its notification stands for a notification lost on the way. */
    @Test
    void aRevocationTheCacheNeverHeardOfIsRefusedWhenTheSessionsUseIsNextWrittenDown() {
        Browser browser = signedIn();
        String sessionId = browser.get("/v1/auth/me").json().path("session").path("session_id").asText();
        jdbc.update("UPDATE session_view SET revoked_at = ? WHERE session_id = ?", Timestamp.from(clock.instant()), sessionId);

        clock.advance(Duration.ofMinutes(2));

        browser.get("/v1/auth/me").assertProblem(401, "UNAUTHENTICATED");
    }

    private Browser signedIn() {
        Browser browser = browser();
        String email = uniqueEmail();
        signUp(browser, email);
        logIn(browser, email);
        return browser;
    }

    private Instant lastSeenAt(String sessionId) {
        return jdbc.queryForObject("SELECT last_seen_at FROM session_view WHERE session_id = ?", Timestamp.class, sessionId)
                .toInstant();
    }
}
