package org.identityledger.web;

import org.identityledger.web.support.Browser;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class EmailVerificationHttpTest extends IntegrationTest {

    private static String tokenJson(String token) {
        return "{\"token\":\"" + token + "\"}";
    }

    @Test
    void canVerifyEmailWithFreshToken() {
        Browser browser = browser();
        String email = uniqueEmail();
        browser.postJson("/v1/auth/signup", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                + "\",\"next_path\":\"/welcome?step=2\"}");
        String token = mailbox.awaitVerificationToken(email, 1);

        HttpAnswer answer = browser.postJson("/v1/auth/email/verify", tokenJson(token));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text("account_ref")).startsWith("acc_");
        assertThat(answer.text("state")).isEqualTo("active");
        assertThat(answer.json().path("email_verified").asBoolean()).isTrue();
        assertThat(answer.text("next_path")).isEqualTo("/welcome?step=2");
    }

    @Test
    void verificationNeedsNoSessionButDoesNeedCsrf() {
        String email = uniqueEmail();
        signUp(browser(), email);
        String token = mailbox.awaitVerificationToken(email, 1);

        new Browser("http://localhost:" + port).postJson("/v1/auth/email/verify", tokenJson(token))
                .assertProblem(403, "CSRF_TOKEN_INVALID");
        assertThat(browser().postJson("/v1/auth/email/verify", tokenJson(token)).status()).isEqualTo(200);
    }

    @Test
    void cannotReuseVerificationToken() {
        Browser browser = browser();
        String email = uniqueEmail();
        signUp(browser, email);
        String token = mailbox.awaitVerificationToken(email, 1);
        browser.postJson("/v1/auth/email/verify", tokenJson(token));

        browser.postJson("/v1/auth/email/verify", tokenJson(token)).assertProblem(409, "TOKEN_ALREADY_USED");
    }

    @Test
    void cannotVerifyWithAnExpiredToken() {
        Browser browser = browser();
        String email = uniqueEmail();
        signUp(browser, email);
        String token = mailbox.awaitVerificationToken(email, 1);

        clock.advance(Duration.ofHours(24).plusSeconds(1));

        browser.postJson("/v1/auth/email/verify", tokenJson(token)).assertProblem(410, "TOKEN_EXPIRED");
    }

    @Test
    void cannotVerifyWithAnUnknownToken() {
        browser().postJson("/v1/auth/email/verify", tokenJson("A".repeat(43))).assertProblem(400, "TOKEN_INVALID");
        browser().postJson("/v1/auth/email/verify", tokenJson("not a token")).assertProblem(400, "TOKEN_INVALID");
    }

    @Test
    void theTokenIsRequired() {
        browser().postJson("/v1/auth/email/verify", "{}").assertProblem(400, "VALIDATION_FAILED");
        browser().postJson("/v1/auth/email/verify", "{\"token\":\"" + "x".repeat(10_000) + "\"}")
                .assertProblem(400, "VALIDATION_FAILED");
    }

    @Test
    void resendMailsANewWorkingLinkWhilePending() {
        Browser browser = browser();
        String email = uniqueEmail();
        signUp(browser, email);
        mailbox.awaitMessage(email, 1);

        HttpAnswer answer = browser.postJson("/v1/auth/email/verification", "{\"email\":\"" + email.toUpperCase() + "\"}");

        assertThat(answer.status()).isEqualTo(202);
        String secondToken = mailbox.awaitVerificationToken(email, 2);
        assertThat(browser.postJson("/v1/auth/email/verify", tokenJson(secondToken)).status()).isEqualTo(200);
    }

    @Test
    void resendAnswersTheSameForUnknownAndVerifiedAddresses() {
        Browser browser = browser();
        String verified = uniqueEmail();
        signUpAndVerify(browser, verified);
        String unknown = uniqueEmail();

        assertThat(browser.postJson("/v1/auth/email/verification", "{\"email\":\"" + unknown + "\"}").status()).isEqualTo(202);
        assertThat(browser.postJson("/v1/auth/email/verification", "{\"email\":\"" + verified + "\"}").status()).isEqualTo(202);
        assertThat(mailbox.messagesTo(unknown)).isEmpty();
        assertThat(mailbox.messagesTo(verified)).hasSize(1);
    }

    @Test
    void resendValidatesTheEmail() {
        browser().postJson("/v1/auth/email/verification", "{\"email\":\"nope\"}").assertProblem(400, "VALIDATION_FAILED");
        browser().postJson("/v1/auth/email/verification", "{}").assertProblem(400, "VALIDATION_FAILED");
    }
}
