package org.identityledger.web;

import org.identityledger.web.support.Browser;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ResetPasswordPageTest extends IntegrationTest {

    private String resetToken(String email) {
        signUp(browser(), email);
        browser().postJson("/v1/auth/password/reset-request", "{\"email\":\"" + email + "\",\"next_path\":\"/account\"}");
        return mailbox.awaitResetLink(email, 2).group(2);
    }

    @Test
    void openingTheLinkDoesNotConsumeTheTokenSubmittingDoes() {
        String email = uniqueEmail();
        String token = resetToken(email);
        Browser browser = browser();

        HttpAnswer page = browser.get("/auth/reset-password?token=" + token + "&next=%2Faccount");
        browser.get("/auth/reset-password?token=" + token + "&next=%2Faccount");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(page.body()).contains("name=\"new_password\"");

        HttpAnswer done = browser.postForm("/auth/reset-password", "token=" + token + "&next=%2Faccount&new_password="
                + URLEncoder.encode("a long and new passphrase", StandardCharsets.UTF_8));
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("<a href=\"/account\">");

        HttpAnswer again = browser.postForm("/auth/reset-password", "token=" + token + "&new_password=whatever-goes-here");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("action=\"/auth/reset-password/request\"");
    }

    @Test
    void aRefusedPasswordShowsTheFormAgainWithTheReason() {
        String token = resetToken(uniqueEmail());

        HttpAnswer refused = browser().postForm("/auth/reset-password", "token=" + token + "&new_password=short");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("at least 12").contains("name=\"new_password\"");
    }

    @Test
    void theIphoneHandoffIsOfferedWhenAskedFor() {
        String token = resetToken(uniqueEmail());

        HttpAnswer page = browser().get("/auth/reset-password?token=" + token + "&next=%2Fhome&return_target=ios");

        assertThat(page.body()).contains("identityledger://auth/reset-password?token=" + token + "&amp;next=%2Fhome")
                .contains("name=\"return_target\" value=\"ios\"");
    }

    @Test
    void anInvalidLinkOffersANewOne() {
        HttpAnswer page = browser().postForm("/auth/reset-password", "token=nonsense&new_password=whatever-long-enough");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("not valid").contains("action=\"/auth/reset-password/request\"");
    }
}
