package org.identityledger.web;

import org.identityledger.web.support.ChromiumTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A person in a real (headless) Chromium follows the emailed links and lands where they should. */
class BrowserPagesTest extends ChromiumTest {


    /** Mailed links point at the configured public base URL; the test server listens on a random port. */
    private String local(String mailedLink) {
        URI uri = URI.create(mailedLink);
        return "http://localhost:" + port + uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private static void awaitPath(String path) {
        await().atMost(Duration.ofSeconds(15)).until(() -> path.equals(URI.create(chromium.getCurrentUrl()).getRawPath()));
    }

    private boolean emailVerified(String email) {
        return jdbc.queryForObject("SELECT email_verified FROM account_view WHERE email = ?", Boolean.class, email);
    }

    @Test
    void verifyingFromTheEmailedLinkLandsOnTheNextPath() {
        String email = uniqueEmail();
        browser().postJson("/v1/auth/signup", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                + "\",\"next_path\":\"/welcome?from=mail\"}");
        String link = local(mailbox.awaitVerificationLink(email, 1));

        chromium.get(link);
        assertThat(chromium.getTitle()).isEqualTo("Verify your email address");
        assertThat(emailVerified(email)).as("opening the page alone must not consume the token").isFalse();

        chromium.findElement(By.cssSelector("button[type=submit]")).click();
        awaitTitle("Email address verified");
        assertThat(emailVerified(email)).isTrue();

        chromium.findElement(By.linkText("Continue")).click();
        awaitPath("/welcome");
        URI landed = URI.create(chromium.getCurrentUrl());
        assertThat(landed.getHost()).isEqualTo("localhost");
        assertThat(landed.getPort()).isEqualTo(port);
        assertThat(landed.getRawPath() + "?" + landed.getRawQuery()).isEqualTo("/welcome?from=mail");
    }

    @Test
    void resettingFromTheEmailedLinkLandsOnTheNextPath() {
        String email = uniqueEmail();
        signUp(browser(), email);
        browser().postJson("/v1/auth/password/reset-request", "{\"email\":\"" + email + "\",\"next_path\":\"/account\"}");
        String link = local(mailbox.awaitResetLink(email, 2).group(1));

        chromium.get(link);
        chromium.get(link);
        assertThat(chromium.getTitle()).isEqualTo("Choose a new password");

        chromium.findElement(By.name("new_password")).sendKeys("a new passphrase typed by hand");
        chromium.findElement(By.cssSelector("button[type=submit]")).click();
        awaitTitle("Password changed");

        chromium.findElement(By.linkText("Continue")).click();
        awaitPath("/account");
        assertThat(browser().postJson("/v1/auth/login", loginJson(email, "a new passphrase typed by hand")).status())
                .isEqualTo(200);
    }

    @Test
    void aHostileNextPathNeverTakesThePersonOffSite() {
        String email = uniqueEmail();
        browser().postJson("/v1/auth/signup", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                + "\",\"next_path\":\"/\\\\evil.example\"}");
        String link = local(mailbox.awaitVerificationLink(email, 1)).replace("next=%2F", "next=%2F%5Cevil.example");

        chromium.get(link);
        chromium.findElement(By.cssSelector("button[type=submit]")).click();
        awaitTitle("Email address verified");
        chromium.findElement(By.linkText("Continue")).click();
        awaitPath("/");

        URI landed = URI.create(chromium.getCurrentUrl());
        assertThat(landed.getHost()).isEqualTo("localhost");
        assertThat(landed.getRawPath()).isEqualTo("/");
    }
}
