package org.identityledger.web;

import jakarta.mail.internet.MimeMessage;
import org.identityledger.web.support.Browser;
import org.identityledger.web.support.IntegrationTest;
import org.identityledger.web.support.Mailbox;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What account mails may and may not carry. */
class AccountMailHttpTest extends IntegrationTest {

    private static final String PHISHING_NAME = "Urgent: call +1 555 0100 or visit evil.example";

    @Test
    void theDisplayNameNeverEntersMailToAnUnverifiedAddress() throws Exception {
        String email = uniqueEmail();
        Browser browser = browser();
        assertThat(browser.postJson("/v1/auth/signup", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                + "\",\"display_name\":\"" + PHISHING_NAME + "\"}").status()).isEqualTo(201);
        browser.postJson("/v1/auth/password/reset-request", "{\"email\":\"" + email + "\"}");

        MimeMessage verification = mailbox.awaitMessage(email, 1);
        MimeMessage reset = mailbox.awaitMessage(email, 2);

        assertThat(Mailbox.text(verification)).as("verification mail").doesNotContain("evil.example");
        assertThat(Mailbox.text(reset)).as("reset mail to an unverified address").doesNotContain("evil.example");
    }

    @Test
    void aPasswordResetSendsAPasswordChangedNoticeWithoutAToken() throws Exception {
        String email = uniqueEmail();
        signUpAndVerify(browser(), email);
        browser().postJson("/v1/auth/password/reset-request", "{\"email\":\"" + email + "\"}");
        String token = mailbox.awaitResetLink(email, 2).group(2);

        assertThat(browser().postJson("/v1/auth/password/reset",
                "{\"token\":\"" + token + "\",\"new_password\":\"a brand new passphrase for ada\"}").status())
                .isEqualTo(204);

        MimeMessage notice = mailbox.awaitMessage(email, 3);
        assertThat(notice.getSubject()).isEqualTo("Your password was changed");
        assertThat(Mailbox.text(notice)).doesNotContain("token=").doesNotContain(token);
    }
}
