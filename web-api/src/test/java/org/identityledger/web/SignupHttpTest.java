package org.identityledger.web;

import jakarta.mail.internet.MimeMessage;
import org.identityledger.web.support.Browser;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.identityledger.web.support.Mailbox;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SignupHttpTest extends IntegrationTest {

    @Test
    void canSignUpAndReceiveAVerificationEmailWithTextAndHtml() throws Exception {
        Browser browser = browser();
        String email = uniqueEmail();

        HttpAnswer answer = browser.postJson("/v1/auth/signup", "{\"email\":\"" + email + "\",\"password\":\""
                + PASSWORD + "\",\"display_name\":\"Ada Lovelace\",\"next_path\":\"/welcome\"}");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.text("account_ref")).startsWith("acc_");
        assertThat(answer.text("email")).isEqualTo(email);
        assertThat(answer.text("display_name")).isEqualTo("Ada Lovelace");
        assertThat(answer.text("state")).isEqualTo("pending_verification");
        assertThat(answer.json().path("email_verified").asBoolean(true)).isFalse();

        MimeMessage mail = mailbox.awaitMessage(email, 1);
        assertThat(Mailbox.hasHtmlPart(mail)).isTrue();
        // Every sent message is also captured as .eml under {data-dir}/mail.
        await().atMost(java.time.Duration.ofSeconds(10)).until(() -> capturedMailMentions(email));
        assertThat(mailbox.awaitVerificationLink(email, 1))
                .startsWith("http://localhost:8080/auth/verify-email?token=")
                .endsWith("&next=%2Fwelcome");
    }

    private static boolean capturedMailMentions(String email) throws java.io.IOException {
        java.nio.file.Path captured = DATA_DIR.resolve("mail");
        if (!java.nio.file.Files.isDirectory(captured)) {
            return false;
        }
        try (var files = java.nio.file.Files.list(captured)) {
            return files.filter(file -> file.toString().endsWith(".eml")).anyMatch(file -> {
                try {
                    return java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1).contains(email);
                } catch (java.io.IOException unreadable) {
                    return false;
                }
            });
        }
    }

    @Test
    void signupDoesNotSignIn() {
        Browser browser = browser();
        signUp(browser, uniqueEmail());

        assertThat(browser.cookie("ledger_session")).isEmpty();
        browser.get("/v1/auth/me").assertProblem(401, "UNAUTHENTICATED");
    }

    @Test
    void displayNameIsOptional() {
        HttpAnswer answer = browser().postJson("/v1/auth/signup", signupJson(uniqueEmail()));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().path("display_name").isNull()).isTrue();
    }

    @Test
    void cannotRegisterTheSameEmailTwiceWhateverItsCase() {
        String email = uniqueEmail();
        signUp(browser(), email);

        browser().postJson("/v1/auth/signup", signupJson(email.toUpperCase())).assertProblem(409, "EMAIL_ALREADY_REGISTERED");
        browser().postJson("/v1/auth/signup", signupJson("  " + email + " ")).assertProblem(409, "EMAIL_ALREADY_REGISTERED");
    }

    @Test
    void hostileNextPathIsReplacedByRootInTheMailedLink() {
        String email = uniqueEmail();
        browser().postJson("/v1/auth/signup", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                + "\",\"next_path\":\"//evil.example/steal\",\"return_target\":\"ios\"}");

        assertThat(mailbox.awaitVerificationLink(email, 1)).endsWith("&next=%2F&return_target=ios");
    }

    @Test
    void cannotChooseAShortPassword() {
        HttpAnswer answer = browser().postJson("/v1/auth/signup",
                "{\"email\":\"" + uniqueEmail() + "\",\"password\":\"short-pw\"}").assertProblem(400, "PASSWORD_POLICY");
        assertThat(answer.json().path("errors").get(0).path("code").asText()).isEqualTo("TOO_SHORT");
        assertThat(answer.json().path("errors").get(0).path("field").asText()).isEqualTo("password");
    }

    @Test
    void cannotChooseAnOverlongPassword() {
        HttpAnswer answer = browser().postJson("/v1/auth/signup",
                "{\"email\":\"" + uniqueEmail() + "\",\"password\":\"" + "x".repeat(129) + "\"}")
                .assertProblem(400, "PASSWORD_POLICY");
        assertThat(answer.json().path("errors").get(0).path("code").asText()).isEqualTo("TOO_LONG");
    }

    /** JSON escapes can carry half of a surrogate pair, which has no UTF-8 bytes to hash. */
    @Test
    void cannotChooseAPasswordWithHalfASurrogatePairNorSignInWithOne() {
        String email = uniqueEmail();
        HttpAnswer answer = browser().postJson("/v1/auth/signup",
                "{\"email\":\"" + email + "\",\"password\":\"a long passphrase \\ud800\"}").assertProblem(400, "PASSWORD_POLICY");
        assertThat(answer.json().path("errors").get(0).path("code").asText()).isEqualTo("NOT_UNICODE");

        signUp(browser(), email);
        browser().postJson("/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"a long passphrase \\ud800\"}")
                .assertProblem(401, "INVALID_CREDENTIALS");
    }

    @Test
    void cannotChooseACommonPassword() {
        HttpAnswer answer = browser().postJson("/v1/auth/signup",
                "{\"email\":\"" + uniqueEmail() + "\",\"password\":\"qwerty123456\"}").assertProblem(400, "PASSWORD_POLICY");
        assertThat(answer.json().path("errors").get(0).path("code").asText()).isEqualTo("TOO_COMMON");
    }

    @Test
    void refusedSignupLeavesNoEventsAndNoMail() {
        String email = uniqueEmail();
        browser().postJson("/v1/auth/signup", "{\"email\":\"" + email + "\",\"password\":\"short\"}");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM account_view WHERE lower(email) = ?", Long.class, email))
                .isZero();
        assertThat(mailbox.messagesTo(email)).isEmpty();
    }

    @Test
    void everyFieldIsValidated() {
        HttpAnswer answer = browser().postJson("/v1/auth/signup",
                "{\"email\":\"not-an-email\",\"display_name\":\"" + "n".repeat(101) + "\",\"return_target\":\"android\"}")
                .assertProblem(400, "VALIDATION_FAILED");
        assertThat(answer.json().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("email", "password", "display_name", "return_target");
    }

    @Test
    void missingEmailIsRequired() {
        HttpAnswer answer = browser().postJson("/v1/auth/signup", "{\"password\":\"" + PASSWORD + "\"}")
                .assertProblem(400, "VALIDATION_FAILED");
        assertThat(answer.json().path("errors").get(0).path("code").asText()).isEqualTo("REQUIRED");
    }

    @Test
    void cannotSignUpWithoutTheCsrfHeader() {
        new Browser("http://localhost:" + port).postJson("/v1/auth/signup", signupJson(uniqueEmail()))
                .assertProblem(403, "CSRF_TOKEN_INVALID");
    }
}
