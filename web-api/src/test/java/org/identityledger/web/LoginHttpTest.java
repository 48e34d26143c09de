package org.identityledger.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.identityledger.command.account.DeactivateAccountCommand;
import org.identityledger.command.account.ReinstateAccountCommand;
import org.identityledger.command.account.SuspendAccountCommand;
import org.identityledger.web.support.Browser;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.identityledger.web.support.RawHttp;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LoginHttpTest extends IntegrationTest {

    @Test
    void canLogInRightAfterSignupWhilePendingVerification() {
        Browser browser = browser();
        String email = uniqueEmail();
        String accountRef = signUp(browser, email);

        HttpAnswer answer = logIn(browser, email);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text("account_ref")).isEqualTo(accountRef);
        assertThat(answer.text("state")).isEqualTo("pending_verification");
        assertThat(answer.json().path("email_verified").asBoolean(true)).isFalse();
        assertThat(answer.json().path("session").path("session_id").asText()).startsWith("ses_");
        assertThat(answer.json().path("session").path("transport").asText()).isEqualTo("browser");
        assertThat(Instant.parse(answer.json().path("session").path("expires_at").asText()))
                .isBetween(Instant.now().plus(Duration.ofHours(11)), Instant.now().plus(Duration.ofHours(13)));
        String setCookie = answer.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("ledger_session=")).findFirst().orElseThrow();
        assertThat(setCookie).startsWith("ledger_session=").contains("HttpOnly").contains("SameSite=Lax")
                .contains("Path=/").doesNotContain("Secure");
    }

    @Test
    void canSeeWhoIAmAfterLogin() {
        Browser browser = browser();
        String email = uniqueEmail();
        String accountRef = signUpAndVerify(browser, email);
        String sessionId = logIn(browser, email).json().path("session").path("session_id").asText();

        HttpAnswer me = browser.get("/v1/auth/me");

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("account_ref")).isEqualTo(accountRef);
        assertThat(me.text("email")).isEqualTo(email);
        assertThat(me.text("state")).isEqualTo("active");
        assertThat(me.json().path("email_verified").asBoolean()).isTrue();
        assertThat(me.json().path("capabilities").isArray()).isTrue();
        assertThat(me.json().path("memberships").isArray()).isTrue();
        assertThat(me.json().path("session").path("session_id").asText()).isEqualTo(sessionId);
        assertThat(me.json().path("session").path("transport").asText()).isEqualTo("browser");
    }

    @Test
    void everyLoginGetsANewSession() {
        Browser browser = browser();
        String email = uniqueEmail();
        signUp(browser, email);

        HttpAnswer first = logIn(browser, email);
        String firstCookie = browser.cookie("ledger_session").orElseThrow();
        HttpAnswer second = logIn(browser, email);

        assertThat(second.json().path("session").path("session_id").asText())
                .isNotEqualTo(first.json().path("session").path("session_id").asText());
        assertThat(browser.cookie("ledger_session").orElseThrow()).isNotEqualTo(firstCookie);
    }

    @Test
    void unknownEmailAndWrongPasswordGetTheSameAnswer() {
        String email = uniqueEmail();
        signUp(browser(), email);

        HttpAnswer wrongPassword = browser().postJson("/v1/auth/login", loginJson(email, "not the password at all"))
                .assertProblem(401, "INVALID_CREDENTIALS");
        HttpAnswer unknownEmail = browser().postJson("/v1/auth/login", loginJson(uniqueEmail(), PASSWORD))
                .assertProblem(401, "INVALID_CREDENTIALS");

        assertThat(((ObjectNode) unknownEmail.json()).without("instance").toString())
                .isEqualTo(((ObjectNode) wrongPassword.json()).without("instance").toString());
    }

    @Test
    void cannotLogInWhileSuspendedAndSuspensionEndsTheLiveSession() {
        Browser browser = browser();
        String email = uniqueEmail();
        String accountRef = signUpAndVerify(browser, email);
        logIn(browser, email);

        commandGateway.sendAndWait(new SuspendAccountCommand(accountRef, "test", "acc_staff"));

        browser.get("/v1/auth/me").assertProblem(401, "UNAUTHENTICATED");
        logIn(browser(), email).assertProblem(403, "ACCOUNT_SUSPENDED");

        commandGateway.sendAndWait(new ReinstateAccountCommand(accountRef, "cleared", "acc_staff"));
        assertThat(logIn(browser(), email).status()).isEqualTo(200);
    }

    @Test
    void aSessionCannotStartForASuspendedAccountEvenPastTheCredentialCheck() {
        String email = uniqueEmail();
        String accountRef = signUp(browser(), email);
        commandGateway.sendAndWait(new SuspendAccountCommand(accountRef, "test", "acc_staff"));
        java.time.Instant now = java.time.Instant.now();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> commandGateway.sendAndWait(
                        new org.identityledger.command.session.StartSessionCommand("ses_race_" + accountRef, accountRef, 1L,
                                org.identityledger.events.session.SessionTransport.BROWSER, "0".repeat(64), null, now,
                                now.plus(Duration.ofHours(1)), Duration.ofMinutes(30),
                                org.identityledger.command.session.SessionScope.customer())))
                .isInstanceOf(org.identityledger.command.account.AccountSuspendedException.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, "ses_race_" + accountRef)).isZero();
    }

    @Test
    void cannotLogInOnceDeactivated() {
        String email = uniqueEmail();
        String accountRef = signUp(browser(), email);

        commandGateway.sendAndWait(new DeactivateAccountCommand(accountRef, "test", "acc_staff"));

        logIn(browser(), email).assertProblem(403, "ACCOUNT_DEACTIVATED");
    }

    @Test
    void suspendedAccountWithAWrongPasswordStillLearnsNothing() {
        String email = uniqueEmail();
        String accountRef = signUp(browser(), email);
        commandGateway.sendAndWait(new SuspendAccountCommand(accountRef, "test", "acc_staff"));

        browser().postJson("/v1/auth/login", loginJson(email, "not the password at all"))
                .assertProblem(401, "INVALID_CREDENTIALS");
    }

    @Test
    void loginFieldsAreValidated() {
        HttpAnswer answer = browser().postJson("/v1/auth/login", "{}").assertProblem(400, "VALIDATION_FAILED");
        assertThat(answer.json().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("email", "password");
    }

    @Test
    void cannotLogInWithoutTheCsrfHeader() {
        new Browser("http://localhost:" + port).postJson("/v1/auth/login", loginJson(uniqueEmail(), PASSWORD))
                .assertProblem(403, "CSRF_TOKEN_INVALID");
    }

    @Test
    void aWrongCsrfHeaderIsRefused() {
        Browser browser = browser();
        browser.forgetCookie("ledger_csrf");
        browser.setCookie("ledger_csrf", "a-different-value-than-the-header-carries-xx");
        browser.postJson("/v1/auth/login", loginJson(uniqueEmail(), PASSWORD)).assertProblem(403, "CSRF_TOKEN_INVALID");
    }

    @Test
    void logoutRevokesTheSessionOnTheVeryNextRequestAndClearsTheCookie() {
        Browser browser = browser();
        String email = uniqueEmail();
        signUp(browser, email);
        logIn(browser, email);
        String stolenCopy = browser.cookie("ledger_session").orElseThrow();

        HttpAnswer logout = browser.post("/v1/auth/logout");

        assertThat(logout.status()).isEqualTo(204);
        assertThat(logout.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("ledger_session=;").contains("Max-Age=0");
        browser.get("/v1/auth/me").assertProblem(401, "UNAUTHENTICATED");
        Browser attacker = browser();
        attacker.setCookie("ledger_session", stolenCopy);
        attacker.get("/v1/auth/me").assertProblem(401, "UNAUTHENTICATED");
    }

    @Test
    void logoutIsIdempotent() {
        Browser browser = browser();
        assertThat(browser.post("/v1/auth/logout").status()).isEqualTo(204);
        assertThat(browser.post("/v1/auth/logout").status()).isEqualTo(204);
    }

    @Test
    void logoutNeedsTheCsrfHeader() {
        new Browser("http://localhost:" + port).post("/v1/auth/logout").assertProblem(403, "CSRF_TOKEN_INVALID");
    }

    @Test
    void meWithoutASessionIsUnauthenticated() {
        browser().get("/v1/auth/me").assertProblem(401, "UNAUTHENTICATED");
        Browser forger = browser();
        forger.setCookie("ledger_session", "made-up-session-secret");
        forger.get("/v1/auth/me").assertProblem(401, "UNAUTHENTICATED");
    }

    @Test
    void aSessionIdlesOutAfterThirtyMinutes() {
        Browser browser = browser();
        String email = uniqueEmail();
        signUp(browser, email);
        logIn(browser, email);

        clock.advance(Duration.ofMinutes(29));
        assertThat(browser.get("/v1/auth/me").status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(29));
        assertThat(browser.get("/v1/auth/me").status()).as("activity extends the idle window").isEqualTo(200);
        clock.advance(Duration.ofMinutes(31));
        browser.get("/v1/auth/me").assertProblem(401, "UNAUTHENTICATED");
    }

    @Test
    void aSessionEndsAfterTwelveHoursWhateverTheActivity() {
        Browser browser = browser();
        String email = uniqueEmail();
        signUp(browser, email);
        logIn(browser, email);

        for (int step = 0; step < 24; step++) {
            clock.advance(Duration.ofMinutes(29));
            assertThat(browser.get("/v1/auth/me").status()).isEqualTo(200);
        }
        clock.advance(Duration.ofMinutes(25));
        browser.get("/v1/auth/me").assertProblem(401, "UNAUTHENTICATED");
    }

    @Test
    void csrfEndpointHandsOutAStableTokenAndItsHeaderName() {
        Browser browser = new Browser("http://localhost:" + port);
        HttpAnswer first = browser.get("/v1/auth/csrf");
        HttpAnswer second = browser.get("/v1/auth/csrf");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.text("header_name")).isEqualTo("X-CSRF-Token");
        assertThat(first.text("csrf_token")).hasSize(43).isEqualTo(second.text("csrf_token"));
        assertThat(first.headers().firstValue("Set-Cookie").orElseThrow()).contains("HttpOnly").contains("SameSite=Lax");
    }

    @Test
    void aBrowserLoginCarryingAnAuthorizationHeaderIsRefusedAndSetsNoCookie() {
        String email = uniqueEmail();
        signUp(browser(), email);
        String validAccessToken = nativeLogIn(email).text("access_token");

        HttpAnswer mereHeader = new Browser("http://localhost:" + port).bearer("anything-at-all")
                .postJson("/v1/auth/login", loginJson(email, PASSWORD));
        HttpAnswer validTokenNoCsrf = new Browser("http://localhost:" + port).bearer(validAccessToken)
                .postJson("/v1/auth/login", loginJson(email, PASSWORD));
        HttpAnswer validTokenAndCsrf = browser().bearer(validAccessToken).postJson("/v1/auth/login", loginJson(email, PASSWORD));
        HttpAnswer mereHeaderAndCsrf = browser().bearer("anything-at-all").postJson("/v1/auth/login", loginJson(email, PASSWORD));

        mereHeader.assertProblem(403, "CSRF_TOKEN_INVALID");
        for (HttpAnswer refused : new HttpAnswer[]{validTokenNoCsrf, validTokenAndCsrf, mereHeaderAndCsrf}) {
            refused.assertProblem(400, "VALIDATION_FAILED");
            assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactly("Authorization");
        }
        for (HttpAnswer refused : new HttpAnswer[]{mereHeader, validTokenNoCsrf, validTokenAndCsrf, mereHeaderAndCsrf}) {
            assertThat(refused.headers().allValues("Set-Cookie")).as(refused.body()).noneMatch(c -> c.startsWith("ledger_session="));
        }
    }

    @Test
    void aBasicAuthorizationHeaderFromAProxyDoesNotStandInTheWayOfABrowserLogin() {
        Browser browser = browser();
        String email = uniqueEmail();
        signUp(browser, email);
        String basic = java.util.Base64.getEncoder().encodeToString("staging:secret".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        HttpAnswer login = RawHttp.send(port, "POST", "/v1/auth/login", Map.of("Authorization", "Basic " + basic,
                "Content-Type", "application/json", "Cookie", "ledger_csrf=" + browser.cookie("ledger_csrf").orElseThrow(),
                "X-CSRF-Token", browser.cookie("ledger_csrf").orElseThrow()), loginJson(email, PASSWORD));

        assertThat(login.status()).as(login.body()).isEqualTo(200);
    }

    @Test
    void aMereBearerHeaderDoesNotExemptACookieWriteFromCsrf() {
        Browser browser = browser();
        String email = uniqueEmail();
        signUp(browser, email);
        logIn(browser, email);
        String cookies = "ledger_session=" + browser.cookie("ledger_session").orElseThrow()
                + "; ledger_csrf=" + browser.cookie("ledger_csrf").orElseThrow();

        for (String route : new String[]{"/v1/auth/logout", "/v1/auth/sessions/revoke-others"}) {
            HttpAnswer answer = RawHttp.send(port, "POST", route,
                    Map.of("Cookie", cookies, "Authorization", "Bearer not-a-token"), null);
            answer.assertProblem(403, "CSRF_TOKEN_INVALID");
            assertThat(answer.headers().allValues("Set-Cookie")).isEmpty();
        }
        assertThat(browser.get("/v1/auth/me").status()).isEqualTo(200);
    }

    @Test
    void loginIssuesAFreshCsrfTokenSoAPlantedOneDies() {
        Browser browser = browser();
        String email = uniqueEmail();
        signUp(browser, email);
        String planted = browser.cookie("ledger_csrf").orElseThrow();

        HttpAnswer login = logIn(browser, email);

        assertThat(login.status()).isEqualTo(200);
        String fresh = login.headers().firstValue("X-CSRF-Token").orElseThrow();
        assertThat(fresh).hasSize(43).isNotEqualTo(planted);
        assertThat(login.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("ledger_csrf=" + fresh + ";"));
        assertThat(browser.cookie("ledger_csrf")).contains(fresh);
        String session = "ledger_session=" + browser.cookie("ledger_session").orElseThrow();
        RawHttp.send(port, "POST", "/v1/auth/logout", Map.of("Cookie", session + "; ledger_csrf=" + fresh,
                "X-CSRF-Token", planted), null).assertProblem(403, "CSRF_TOKEN_INVALID");
        assertThat(browser.get("/v1/auth/csrf").text("csrf_token")).isEqualTo(fresh);
        assertThat(browser.post("/v1/auth/logout").status()).as("the client follows the new token").isEqualTo(204);
    }
}
