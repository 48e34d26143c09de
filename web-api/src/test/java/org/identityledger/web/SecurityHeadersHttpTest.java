package org.identityledger.web;

import org.identityledger.web.support.Browser;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every answer carries nosniff; every answer that may hold a token, a session or personal data is no-store. */
class SecurityHeadersHttpTest extends IntegrationTest {

    @Test
    void everyAnswerIsNosniffAndNoStoreWhateverItsStatus() {
        String email = uniqueEmail();
        Browser browser = browser();
        List<HttpAnswer> answers = List.of(
                browser.postJson("/v1/auth/signup", signupJson(email)),
                browser.postJson("/v1/auth/signup", signupJson(email)),
                browser.get("/v1/auth/me"),
                browser.get("/v1/nothing-here"),
                browser.send("PUT", "/v1/auth/me", null, null),
                browser.postJson("/v1;/auth/logout", "{}"),
                browser.get("/auth/verify-email?token=x"));

        for (HttpAnswer answer : answers) {
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).as("%s", answer).hasValue("nosniff");
            assertThat(answer.headers().firstValue("Cache-Control").orElse("")).as("%s", answer).contains("no-store");
        }
        assertThat(answers.get(0).status()).isEqualTo(201);
    }

    /** The refusals written before or beside Spring MVC name the path they answer, like every other problem. */
    @Test
    void aCsrfRefusalAndAnOversizedBodyNameTheirInstance() {
        HttpAnswer csrf = new Browser("http://localhost:" + port).postJson("/v1/auth/logout", "{}");
        csrf.assertProblem(403, "CSRF_TOKEN_INVALID");
        assertThat(csrf.json().path("instance").asText()).isEqualTo("/v1/auth/logout");

        HttpAnswer tooLarge = browser().postJson("/v1/auth/signup", "{\"email\":\"" + "x".repeat(70_000) + "\"}");
        tooLarge.assertProblem(413, "PAYLOAD_TOO_LARGE");
        assertThat(tooLarge.json().path("instance").asText()).isEqualTo("/v1/auth/signup");
    }
}
