package org.identityledger.web;

import org.identityledger.web.support.Browser;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class VerifyEmailPageTest extends IntegrationTest {

    @Test
    void openingTheLinkDoesNotConsumeTheTokenSubmittingDoes() {
        Browser browser = browser();
        String email = uniqueEmail();
        browser.postJson("/v1/auth/signup", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                + "\",\"next_path\":\"/welcome\"}");
        String link = mailbox.awaitVerificationLink(email, 1);
        String pathAndQuery = link.substring("http://localhost:8080".length());
        String token = mailbox.awaitVerificationToken(email, 1);

        HttpAnswer page = browser.get(pathAndQuery);
        HttpAnswer scannerAgain = browser.get(pathAndQuery);

        assertThat(page.status()).isEqualTo(200);
        assertThat(scannerAgain.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'");
        assertThat(page.body()).contains("<form method=\"post\" action=\"/auth/verify-email\">");
        assertThat(jdbc.queryForObject("SELECT email_verified FROM account_view WHERE email = ?", Boolean.class, email)).isFalse();

        HttpAnswer submitted = browser.postForm("/auth/verify-email", "token=" + token + "&next=%2Fwelcome");

        assertThat(submitted.status()).isEqualTo(200);
        assertThat(submitted.body()).contains("<a href=\"/welcome\">");
        assertThat(jdbc.queryForObject("SELECT email_verified FROM account_view WHERE email = ?", Boolean.class, email)).isTrue();
    }

    @Test
    void aUsedLinkShowsAClearPageWithAWayToGetANewOne() {
        Browser browser = browser();
        String email = uniqueEmail();
        signUp(browser, email);
        String token = mailbox.awaitVerificationToken(email, 1);
        browser.postForm("/auth/verify-email", "token=" + token);

        HttpAnswer again = browser.postForm("/auth/verify-email", "token=" + token);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("already").contains("action=\"/auth/verify-email/resend\"");
    }

    @Test
    void theContinueLinkNeverLeavesTheSite() {
        Browser browser = browser();
        String email = uniqueEmail();
        signUp(browser, email);
        String token = mailbox.awaitVerificationToken(email, 1);
        String hostile = URLEncoder.encode("//evil.example", StandardCharsets.UTF_8);

        assertThat(browser.get("/auth/verify-email?token=" + token + "&next=" + hostile).body())
                .contains("name=\"next\" value=\"/\"").doesNotContain("evil.example");
        HttpAnswer done = browser.postForm("/auth/verify-email", "token=" + token + "&next=" + hostile);
        assertThat(done.body()).contains("<a href=\"/\">").doesNotContain("evil.example");
    }

    @Test
    void theIphoneHandoffIsOfferedWhenAskedFor() {
        Browser browser = browser();
        String email = uniqueEmail();
        signUp(browser, email);
        String token = mailbox.awaitVerificationToken(email, 1);

        HttpAnswer page = browser.get("/auth/verify-email?token=" + token + "&next=%2Fhome&return_target=ios");
        assertThat(page.body()).contains("identityledger://auth/verify-email?token=" + token + "&amp;next=%2Fhome");

        HttpAnswer done = browser.postForm("/auth/verify-email", "token=" + token + "&next=%2Fhome&return_target=ios");
        assertThat(done.body()).contains("identityledger://auth/login?next=%2Fhome").contains("<a href=\"/home\">");
    }
}
