package org.identityledger.web;

import org.identityledger.web.support.ChromiumTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator console in a real (headless) Chromium, as an operator uses it: staff sign-in, a
 * projection rebuilt with the progress bar followed to 100 % (the page refreshes itself while a
 * rebuild runs), an account found and suspended, and its timeline read.
 */
class ConsoleBrowserTest extends ChromiumTest {

    private String page(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void anOperatorRebuildsAProjectionThenSuspendsAnAccountAndReadsItsTimeline() {
        chromium.manage().deleteAllCookies();
        ProjectionRebuildHttpTest.pastEveryEarlierSession(clock);
        String prefix = "operated-" + UUID.randomUUID().toString().substring(0, 8);
        String email = prefix + "@example.com";
        String accountRef = signUpAndVerify(browser(), email);
        String operator = newAdmin();
        staffSession(operator).postJson("/v1/admin/staff-grants", "{\"account_ref\":\"" + jdbc.queryForObject(
                "SELECT account_ref FROM account_view WHERE email = ?", String.class, operator) + "\",\"role\":\"auditor\"}");

        chromium.get(page("/admin/login"));
        awaitTitle("Staff sign-in");
        type("email", operator);
        type("password", PASSWORD);
        press("Sign in");
        awaitTitle("Staff console");

        chromium.findElement(By.linkText("Projections and rebuilds")).click();
        awaitTitle("Projections");
        WebElement sessions = chromium.findElement(By.id("projection-sessions"));
        assertThat(sessions.findElement(By.className("status")).getText()).isIn("live", "failed");
        sessions.findElement(By.xpath(".//button[normalize-space()='Rebuild']")).click();
        // The page renders its rows afresh on every poll of its own: between two renders a row can be
        // missing or stale for an instant, which is no answer yet, not a failure.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
            WebElement row = chromium.findElement(By.id("projection-sessions"));
            return row.findElement(By.className("rebuild-state")).getText().equals("swapped")
                    && row.findElement(By.className("percent")).getText().equals("100 %")
                    && row.findElement(By.tagName("progress")).getAttribute("value").equals("100");
        });
        assertThat(chromium.findElement(By.id("projection-sessions")).findElement(By.className("status")).getText()).isEqualTo("live");

        chromium.get(page("/admin/"));
        awaitTitle("Staff console");
        type("email", prefix);
        press("Search");
        awaitTitle("Accounts");
        chromium.findElement(By.linkText(email)).click();
        awaitTitle(email);
        type("reason", "console test");
        press("Suspend");
        await().atMost(Duration.ofSeconds(15)).until(() -> chromium.getPageSource().contains("The account is suspended"));
        assertThat(jdbc.queryForObject("SELECT state FROM account_view WHERE account_ref = ?", String.class, accountRef))
                .isEqualTo("suspended");

        chromium.get(page("/admin/"));
        awaitTitle("Staff console");
        type("account_ref", accountRef);
        press("Show");
        awaitTitle("Timeline of " + accountRef);
        assertThat(chromium.findElement(By.tagName("body")).getText()).contains("AccountRegisteredEvent").contains("AccountSuspendedEvent");
    }
}
