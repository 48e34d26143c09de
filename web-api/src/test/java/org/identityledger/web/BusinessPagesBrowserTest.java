package org.identityledger.web;

import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.ChromiumTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The business and staff pages in a real (headless) Chromium: a person signs in on the context's
 * page, runs the team through its forms, accepts an invitation from the mailed link, and signs out;
 * under the pages' strict Content-Security-Policy, whose one allowed stylesheet must still apply.
 */
class BusinessPagesBrowserTest extends ChromiumTest {


    @BeforeEach
    void forgetEveryCookie() {
        if (chromium != null) {
            chromium.manage().deleteAllCookies();
        }
    }

    private String page(String path) {
        return "http://localhost:" + port + path;
    }

    private static String path() {
        URI uri = URI.create(chromium.getCurrentUrl());
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static void choose(WebElement select, String value) {
        select.findElement(By.cssSelector("option[value='" + value + "']")).click();
    }

    private static void signInToBusiness(String email) {
        type("email", email);
        type("password", PASSWORD);
        press("Sign in");
    }

    private String role(String businessId, String accountRef) {
        return jdbc.queryForList("SELECT role FROM membership_view WHERE business_id = ? AND account_ref = ?", String.class,
                businessId, accountRef).stream().findFirst().orElse(null);
    }

    @Test
    void anOwnerRunsTheTeamAndAnInviteeJoinsFromTheMailedLink() {
        String ownerEmail = uniqueEmail();
        signUpAndVerify(browser(), ownerEmail);
        String handle = "cr-" + UUID.randomUUID().toString().substring(0, 8);
        HttpAnswer created = browser().bearer(nativeLogIn(ownerEmail).text("access_token"))
                .postJson("/v1/account/businesses", "{\"name\":\"Chromium Cars\",\"handle\":\"" + handle + "\"}");
        String businessId = created.text("business_id");
        String inviteeEmail = uniqueEmail();
        String inviteeRef = signUpAndVerify(browser(), inviteeEmail);

        chromium.get(page("/business/login?handle=" + handle));
        assertThat(chromium.getTitle()).isEqualTo("Sign in to your business");
        assertThat(chromium.findElement(By.name("handle")).getAttribute("value")).isEqualTo(handle);
        signInToBusiness(ownerEmail);
        awaitTitle("Chromium Cars — team");
        assertThat(path()).isEqualTo("/business/" + handle + "/");
        // The page's only stylesheet is allowed by its hash; a policy that blocked it would leave the default width.
        assertThat(((JavascriptExecutor) chromium).executeScript("return getComputedStyle(document.body).maxWidth")).isEqualTo("896px");

        type("email", inviteeEmail);
        choose(chromium.findElement(By.cssSelector("form[action$='/invitations'] select[name=role]")), "admin");
        press("Send invitation");
        await().atMost(Duration.ofSeconds(15)).until(() -> chromium.getPageSource().contains("The invitation is on its way."));
        assertThat(chromium.findElement(By.xpath("//h2[.='Pending invitations']/following-sibling::table")).getText())
                .contains(inviteeEmail).contains("admin");
        press("Sign out");
        awaitTitle("Sign in to your business");

        String link = mailbox.awaitInvitationToken(inviteeEmail, 2);
        chromium.get(page("/auth/accept-invitation?token=" + link));
        assertThat(chromium.getTitle()).isEqualTo("Join the business");
        assertThat(role(businessId, inviteeRef)).as("opening the page alone must not accept").isNull();
        type("email", inviteeEmail);
        type("password", PASSWORD);
        press("Sign in and accept");
        awaitTitle("Welcome to " + handle);
        assertThat(role(businessId, inviteeRef)).isEqualTo("admin");

        chromium.findElement(By.linkText("Sign in to " + handle)).click();
        awaitTitle("Sign in to your business");
        signInToBusiness(inviteeEmail);
        awaitTitle("Chromium Cars — team");
        WebElement ownerRow = chromium.findElement(By.xpath("//tr[td[1][contains(., '" + ownerEmail + "')]]"));
        assertThat(ownerRow.findElements(By.tagName("button"))).as("an admin does not touch owners").isEmpty();
        press("Sign out");
        awaitTitle("Sign in to your business");

        signInToBusiness(ownerEmail);
        awaitTitle("Chromium Cars — team");
        WebElement inviteeRow = chromium.findElement(By.cssSelector("tr[data-account='" + inviteeRef + "']"));
        choose(inviteeRow.findElement(By.name("role")), "member");
        inviteeRow.findElement(By.xpath(".//button[.='Change role']")).click();
        await().atMost(Duration.ofSeconds(15)).until(() -> chromium.getPageSource().contains("The role was changed."));
        assertThat(role(businessId, inviteeRef)).isEqualTo("member");

        chromium.findElement(By.cssSelector("tr[data-account='" + inviteeRef + "']")).findElement(By.xpath(".//button[.='Remove']"))
                .click();
        await().atMost(Duration.ofSeconds(15)).until(() -> chromium.getPageSource().contains("The member was removed."));
        assertThat(role(businessId, inviteeRef)).isNull();
        assertThat(chromium.findElements(By.cssSelector("tr[data-account='" + inviteeRef + "']"))).isEmpty();
    }

    @Test
    void aStaffMemberSignsInToTheConsoleAndOut() {
        String email = newAdmin();

        chromium.get(page("/admin/"));
        assertThat(chromium.getTitle()).isEqualTo("Please sign in");
        chromium.findElement(By.linkText("Sign in as staff")).click();
        awaitTitle("Staff sign-in");
        type("email", email);
        type("password", "not the password");
        press("Sign in");
        await().atMost(Duration.ofSeconds(15)).until(() -> chromium.getPageSource().contains("class=\"problem\""));
        type("password", PASSWORD);
        press("Sign in");
        awaitTitle("Staff console");
        assertThat(path()).isEqualTo("/admin/");
        assertThat(chromium.findElement(By.tagName("body")).getText()).contains("Signed in as " + email).contains("admin");

        press("Sign out");
        awaitTitle("Staff sign-in");
        chromium.get(page("/admin/"));
        assertThat(chromium.getTitle()).isEqualTo("Please sign in");
    }
}
