package org.identityledger.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.identityledger.web.support.Browser;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SelfServiceSessionsHttpTest extends IntegrationTest {

    private static List<String> sessionIds(HttpAnswer answer) {
        List<String> ids = new ArrayList<>();
        answer.json().path("sessions").forEach(session -> ids.add(session.path("session_id").asText()));
        return ids;
    }

    @Test
    void canListMyLiveSessionsOfBothTransports() {
        String email = uniqueEmail();
        Browser browser = browser();
        signUp(browser, email);
        String browserSession = logIn(browser, email).json().path("session").path("session_id").asText();
        HttpAnswer nativeTokens = nativeLogIn(email);

        HttpAnswer listed = browser.get("/v1/auth/sessions");

        assertThat(listed.status()).isEqualTo(200);
        assertThat(sessionIds(listed)).containsExactlyInAnyOrder(browserSession, nativeTokens.text("session_id"));
        for (JsonNode session : listed.json().path("sessions")) {
            assertThat(session.path("current").asBoolean()).isEqualTo(session.path("session_id").asText().equals(browserSession));
            assertThat(session.has("created_at")).isTrue();
            assertThat(session.has("expires_at")).isTrue();
            assertThat(session.has("device_name")).isTrue();
        }
        HttpAnswer fromApp = nativeClient().bearer(nativeTokens.text("access_token")).get("/v1/auth/sessions");
        assertThat(fromApp.json().path("sessions").findValuesAsText("transport")).containsExactlyInAnyOrder("browser", "native");
    }

    @Test
    void canEndAnotherOfMySessions() {
        String email = uniqueEmail();
        Browser browser = browser();
        signUp(browser, email);
        logIn(browser, email);
        HttpAnswer nativeTokens = nativeLogIn(email);

        assertThat(browser.send("DELETE", "/v1/auth/sessions/" + nativeTokens.text("session_id"), null, null).status())
                .isEqualTo(204);

        nativeClient().bearer(nativeTokens.text("access_token")).get("/v1/auth/me").assertProblem(401, "UNAUTHENTICATED");
        assertThat(browser.get("/v1/auth/me").status()).isEqualTo(200);
    }

    @Test
    void cannotSeeOrEndAnotherAccountsSession() {
        String mine = uniqueEmail();
        String theirs = uniqueEmail();
        Browser me = browser();
        signUp(me, mine);
        logIn(me, mine);
        signUp(browser(), theirs);
        HttpAnswer theirTokens = nativeLogIn(theirs);

        assertThat(sessionIds(me.get("/v1/auth/sessions"))).doesNotContain(theirTokens.text("session_id"));
        me.send("DELETE", "/v1/auth/sessions/" + theirTokens.text("session_id"), null, null).assertProblem(404, "NOT_FOUND");
        me.send("DELETE", "/v1/auth/sessions/ses_unknown", null, null).assertProblem(404, "NOT_FOUND");
        assertThat(nativeClient().bearer(theirTokens.text("access_token")).get("/v1/auth/me").status()).isEqualTo(200);
    }

    @Test
    void canEndEveryOtherSessionAndKeepThisOne() {
        String email = uniqueEmail();
        Browser browser = browser();
        signUp(browser, email);
        logIn(browser, email);
        Browser otherBrowser = browser();
        logIn(otherBrowser, email);
        HttpAnswer nativeTokens = nativeLogIn(email);
        Browser app = nativeClient().bearer(nativeTokens.text("access_token"));

        assertThat(app.post("/v1/auth/sessions/revoke-others").status()).isEqualTo(204);

        assertThat(app.get("/v1/auth/me").status()).isEqualTo(200);
        browser.get("/v1/auth/me").assertProblem(401, "UNAUTHENTICATED");
        otherBrowser.get("/v1/auth/me").assertProblem(401, "UNAUTHENTICATED");
        assertThat(sessionIds(app.get("/v1/auth/sessions"))).containsExactly(nativeTokens.text("session_id"));
    }

    @Test
    void sessionRoutesNeedASessionAndBrowserWritesNeedCsrf() {
        browser().get("/v1/auth/sessions").assertProblem(401, "UNAUTHENTICATED");
        browser().post("/v1/auth/sessions/revoke-others").assertProblem(401, "UNAUTHENTICATED");
        browser().send("DELETE", "/v1/auth/sessions/ses_x", null, null).assertProblem(401, "UNAUTHENTICATED");
        new Browser("http://localhost:" + port).post("/v1/auth/sessions/revoke-others").assertProblem(403, "CSRF_TOKEN_INVALID");
    }
}
