package org.identityledger.web;

import org.identityledger.web.support.Browser;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordResetHttpTest extends IntegrationTest {

    private static final String NEW_PASSWORD = "a brand new passphrase for ada";

    private String requestResetToken(String email, int mailNumber) {
        assertThat(browser().postJson("/v1/auth/password/reset-request", "{\"email\":\"" + email + "\"}").status())
                .isEqualTo(202);
        return mailbox.awaitResetLink(email, mailNumber).group(2);
    }

    private static String resetJson(String token, String newPassword) {
        return "{\"token\":\"" + token + "\",\"new_password\":\"" + newPassword + "\"}";
    }

    @Test
    void resetRevokesEveryEarlierSessionOfBothTransportsAndChangesThePassword() {
        String email = uniqueEmail();
        Browser browser = browser();
        signUp(browser, email);
        logIn(browser, email);
        HttpAnswer nativeTokens = nativeLogIn(email);
        String token = requestResetToken(email, 2);

        assertThat(browser().postJson("/v1/auth/password/reset", resetJson(token, NEW_PASSWORD)).status()).isEqualTo(204);

        browser.get("/v1/auth/me").assertProblem(401, "UNAUTHENTICATED");
        nativeClient().bearer(nativeTokens.text("access_token")).get("/v1/auth/me").assertProblem(401, "UNAUTHENTICATED");
        refresh(nativeTokens.text("refresh_token")).assertProblem(401, "REFRESH_TOKEN_INVALID");
        logIn(browser(), email).assertProblem(401, "INVALID_CREDENTIALS");
        assertThat(browser().postJson("/v1/auth/login", loginJson(email, NEW_PASSWORD)).status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%PasswordChangedEvent'"
                + " AND aggregate_identifier = (SELECT account_ref FROM account_lookup WHERE email_normalized = ?)",
                Long.class, email)).isEqualTo(1);
    }

    @Test
    void cannotReuseAResetToken() {
        String email = uniqueEmail();
        signUp(browser(), email);
        String token = requestResetToken(email, 2);
        browser().postJson("/v1/auth/password/reset", resetJson(token, NEW_PASSWORD));

        browser().postJson("/v1/auth/password/reset", resetJson(token, NEW_PASSWORD + " again"))
                .assertProblem(409, "TOKEN_ALREADY_USED");
    }

    @Test
    void cannotResetWithAnExpiredToken() {
        String email = uniqueEmail();
        signUp(browser(), email);
        String token = requestResetToken(email, 2);

        clock.advance(Duration.ofMinutes(31));

        browser().postJson("/v1/auth/password/reset", resetJson(token, NEW_PASSWORD)).assertProblem(410, "TOKEN_EXPIRED");
    }

    @Test
    void cannotResetWithAnUnknownToken() {
        browser().postJson("/v1/auth/password/reset", resetJson("B".repeat(43), NEW_PASSWORD)).assertProblem(400, "TOKEN_INVALID");
    }

    @Test
    void theNewPasswordMustMeetThePolicyAndTheTokenSurvivesARefusal() {
        String email = uniqueEmail();
        signUp(browser(), email);
        String token = requestResetToken(email, 2);

        HttpAnswer refused = browser().postJson("/v1/auth/password/reset", resetJson(token, "password1234"))
                .assertProblem(400, "PASSWORD_POLICY");
        assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("new_password");
        assertThat(refused.json().path("errors").get(0).path("code").asText()).isEqualTo("TOO_COMMON");
        assertThat(browser().postJson("/v1/auth/password/reset", resetJson(token, NEW_PASSWORD)).status()).isEqualTo(204);
    }

    @Test
    void resetRequestAlwaysAnswers202AndMailsOnlyRealAccounts() {
        String unknown = uniqueEmail();
        assertThat(browser().postJson("/v1/auth/password/reset-request", "{\"email\":\"" + unknown + "\"}").status()).isEqualTo(202);

        String email = uniqueEmail();
        signUp(browser(), email);
        assertThat(browser().postJson("/v1/auth/password/reset-request", "{\"email\":\"" + email.toUpperCase()
                + "\",\"next_path\":\"/security\",\"return_target\":\"ios\"}").status()).isEqualTo(202);
        Matcher link = mailbox.awaitResetLink(email, 2);
        assertThat(link.group(1)).startsWith("http://localhost:8080/auth/reset-password?token=")
                .endsWith("&next=%2Fsecurity&return_target=ios");
        assertThat(mailbox.messagesTo(unknown)).isEmpty();
    }

    @Test
    void resetFieldsAreValidated() {
        browser().postJson("/v1/auth/password/reset-request", "{}").assertProblem(400, "VALIDATION_FAILED");
        HttpAnswer answer = browser().postJson("/v1/auth/password/reset", "{}").assertProblem(400, "VALIDATION_FAILED");
        assertThat(answer.json().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("token", "new_password");
        new Browser("http://localhost:" + port).postJson("/v1/auth/password/reset", resetJson("x", "y"))
                .assertProblem(403, "CSRF_TOKEN_INVALID");
    }
}
