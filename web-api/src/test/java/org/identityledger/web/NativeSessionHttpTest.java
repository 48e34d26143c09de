package org.identityledger.web;

import org.identityledger.infrastructure.config.SnapshotConfiguration;
import org.identityledger.infrastructure.housekeeping.SessionPurge;
import org.identityledger.web.support.Browser;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class NativeSessionHttpTest extends IntegrationTest {

    @Autowired
    private SessionPurge sessionPurge;

    @Autowired
    private SnapshotConfiguration.SnapshotThread snapshotThread;

    @Test
    void canSignInNativelyAndUseTheAccessToken() {
        String email = uniqueEmail();
        String accountRef = signUp(browser(), email);

        HttpAnswer tokens = nativeLogIn(email);

        assertThat(tokens.text("token_type")).isEqualTo("Bearer");
        assertThat(tokens.json().path("expires_in").asLong()).isEqualTo(600);
        assertThat(tokens.json().path("refresh_expires_in").asLong()).isBetween(30L * 86400 - 60, 30L * 86400);
        assertThat(tokens.text("refresh_token")).matches("[A-Za-z0-9_-]{43}");
        assertThat(tokens.text("session_id")).startsWith("ses_");
        assertThat(tokens.text("account_ref")).isEqualTo(accountRef);
        assertThat(tokens.headers().firstValue("Set-Cookie")).isEmpty();

        HttpAnswer me = nativeClient().bearer(tokens.text("access_token")).get("/v1/auth/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("session").path("transport").asText()).isEqualTo("native");
        assertThat(me.json().path("session").path("session_id").asText()).isEqualTo(tokens.text("session_id"));
    }

    @Test
    void refreshRotatesTheRefreshTokenAndIssuesANewAccessToken() {
        String email = uniqueEmail();
        signUp(browser(), email);
        HttpAnswer first = nativeLogIn(email);

        HttpAnswer second = refresh(first.text("refresh_token"));

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.text("refresh_token")).isNotEqualTo(first.text("refresh_token"));
        assertThat(second.text("access_token")).isNotEqualTo(first.text("access_token"));
        assertThat(second.text("session_id")).isEqualTo(first.text("session_id"));
        assertThat(nativeClient().bearer(second.text("access_token")).get("/v1/auth/me").status()).isEqualTo(200);
        assertThat(refresh(second.text("refresh_token")).status()).isEqualTo(200);
    }

    @Test
    void replayingASpentRefreshTokenRevokesTheWholeSession() {
        String email = uniqueEmail();
        signUp(browser(), email);
        HttpAnswer login = nativeLogIn(email);
        HttpAnswer rotated = refresh(login.text("refresh_token"));
        assertThat(rotated.status()).isEqualTo(200);

        refresh(login.text("refresh_token")).assertProblem(401, "REFRESH_TOKEN_REUSED");

        refresh(rotated.text("refresh_token")).assertProblem(401, "REFRESH_TOKEN_INVALID");
        nativeClient().bearer(rotated.text("access_token")).get("/v1/auth/me").assertProblem(401, "UNAUTHENTICATED");
        nativeClient().bearer(login.text("access_token")).get("/v1/auth/me").assertProblem(401, "UNAUTHENTICATED");
        assertThat(jdbc.queryForObject("SELECT revocation_reason FROM session_view WHERE session_id = ?", String.class,
                login.text("session_id"))).isEqualTo("refresh_token_reused");
    }

    @Test
    void twoConcurrentRefreshesWithOneTokenSucceedExactlyOnce() throws Exception {
        String email = uniqueEmail();
        signUp(browser(), email);
        String refreshToken = nativeLogIn(email).text("refresh_token");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return refresh(refreshToken).status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get(30, TimeUnit.SECONDS));
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 401);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLongLivedSessionIsSnapshottedAndStillDetectsReuse() {
        String email = uniqueEmail();
        signUp(browser(), email);
        HttpAnswer login = nativeLogIn(email);
        String sessionId = login.text("session_id");
        String refreshToken = login.text("refresh_token");
        long snapshotsBefore = snapshotsTakenOnTheSnapshotThread();
        for (int rotation = 0; rotation < 60; rotation++) {
            HttpAnswer rotated = refresh(refreshToken);
            assertThat(rotated.status()).isEqualTo(200);
            refreshToken = rotated.text("refresh_token");
        }

        // Snapshots are taken on their own thread after the command committed (SnapshotConfiguration).
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?", Long.class, sessionId) > 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> snapshotsTakenOnTheSnapshotThread() > snapshotsBefore);
        assertThat(refresh(refreshToken).status()).isEqualTo(200);
        refresh(login.text("refresh_token")).assertProblem(401, "REFRESH_TOKEN_REUSED");
    }

    private long snapshotsTakenOnTheSnapshotThread() {
        return ((ThreadPoolExecutor) snapshotThread.executor()).getCompletedTaskCount();
    }

    /** A token issued by a rotation here is found without the lookup; the session still judges it. */
    @Test
    void aSpentTokenRememberedFromItsRotationIsStillReuse() {
        String email = uniqueEmail();
        signUp(browser(), email);
        HttpAnswer login = nativeLogIn(email);
        HttpAnswer rotated = refresh(login.text("refresh_token"));
        HttpAnswer again = refresh(rotated.text("refresh_token"));
        assertThat(again.status()).isEqualTo(200);

        refresh(rotated.text("refresh_token")).assertProblem(401, "REFRESH_TOKEN_REUSED");

        refresh(again.text("refresh_token")).assertProblem(401, "REFRESH_TOKEN_INVALID");
        nativeClient().bearer(again.text("access_token")).get("/v1/auth/me").assertProblem(401, "UNAUTHENTICATED");
        assertThat(jdbc.queryForObject("SELECT revocation_reason FROM session_view WHERE session_id = ?", String.class,
                login.text("session_id"))).isEqualTo("refresh_token_reused");
    }

    /** The purge removes a revoked session's lookups at its next run; a remembered spent token is then unknown. */
    @Test
    void aRememberedSpentTokenOfAPurgedSessionIsAnsweredAsTheLookupWould() {
        String email = uniqueEmail();
        signUp(browser(), email);
        HttpAnswer rotated = refresh(nativeLogIn(email).text("refresh_token"));
        HttpAnswer again = refresh(rotated.text("refresh_token"));
        assertThat(nativeClient().bearer(again.text("access_token")).post("/v1/auth/native/logout").status()).isEqualTo(204);
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        sessionPurge.purgeEndedSessions();

        refresh(rotated.text("refresh_token")).assertProblem(401, "REFRESH_TOKEN_INVALID");
        refresh(again.text("refresh_token")).assertProblem(401, "REFRESH_TOKEN_INVALID");
    }

    @Test
    void aRememberedTokenOfASessionLoggedOutIsRefused() {
        String email = uniqueEmail();
        signUp(browser(), email);
        HttpAnswer rotated = refresh(nativeLogIn(email).text("refresh_token"));

        assertThat(nativeClient().bearer(rotated.text("access_token")).post("/v1/auth/native/logout").status()).isEqualTo(204);

        refresh(rotated.text("refresh_token")).assertProblem(401, "REFRESH_TOKEN_INVALID");
    }

    @Test
    void nativeLogoutRevokesTheSessionAtOnce() {
        String email = uniqueEmail();
        signUp(browser(), email);
        HttpAnswer login = nativeLogIn(email);
        Browser app = nativeClient().bearer(login.text("access_token"));

        assertThat(app.post("/v1/auth/native/logout").status()).isEqualTo(204);

        app.get("/v1/auth/me").assertProblem(401, "UNAUTHENTICATED");
        refresh(login.text("refresh_token")).assertProblem(401, "REFRESH_TOKEN_INVALID");
        app.post("/v1/auth/native/logout").assertProblem(401, "UNAUTHENTICATED");
    }

    @Test
    void bearerRequestsNeedNoCsrfAndNeverReadCookies() {
        String email = uniqueEmail();
        Browser browser = browser();
        signUp(browser, email);
        logIn(browser, email);
        String cookieSecret = browser.cookie("ledger_session").orElseThrow();

        Browser forged = nativeClient().bearer("not-a-jwt");
        forged.setCookie("ledger_session", cookieSecret);
        forged.get("/v1/auth/me").assertProblem(401, "UNAUTHENTICATED");

        HttpAnswer tokens = nativeLogIn(email);
        Browser app = nativeClient().bearer(tokens.text("access_token"));
        assertThat(app.post("/v1/auth/sessions/revoke-others").status()).isEqualTo(204);
    }

    @Test
    void unknownOrMalformedRefreshTokensAreRefused() {
        refresh("A".repeat(43)).assertProblem(401, "REFRESH_TOKEN_INVALID");
        refresh("short").assertProblem(401, "REFRESH_TOKEN_INVALID");
        nativeClient().postJson("/v1/auth/native/refresh", "{}").assertProblem(400, "VALIDATION_FAILED");
    }

    @Test
    void nativeLoginRefusesWrongCredentialsLikeTheBrowserLogin() {
        String email = uniqueEmail();
        signUp(browser(), email);
        nativeClient().postJson("/v1/auth/native/login", loginJson(email, "not the password at all"))
                .assertProblem(401, "INVALID_CREDENTIALS");
        nativeClient().postJson("/v1/auth/native/login", loginJson(uniqueEmail(), PASSWORD))
                .assertProblem(401, "INVALID_CREDENTIALS");
        nativeClient().postJson("/v1/auth/native/login", "{\"email\":\"x\"}").assertProblem(400, "VALIDATION_FAILED");
    }

    @Test
    void forgedAccessTokensAreRefused() {
        String none = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + base64("{\"sub\":\"acc_x\",\"sid\":\"ses_x\"}") + ".";
        nativeClient().bearer(none).get("/v1/auth/me").assertProblem(401, "UNAUTHENTICATED");

        String email = uniqueEmail();
        signUp(browser(), email);
        String token = nativeLogIn(email).text("access_token");
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + base64("{\"sub\":\"acc_other\",\"sid\":\"ses_other\"}") + "." + parts[2];
        nativeClient().bearer(tampered).get("/v1/auth/me").assertProblem(401, "UNAUTHENTICATED");
    }

    private static String base64(String json) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes());
    }
}
