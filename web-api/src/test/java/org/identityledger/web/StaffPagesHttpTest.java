package org.identityledger.web;

import org.identityledger.web.support.Browser;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.identityledger.web.BusinessPagesHttpTest.form;

/** The staff sign-in page, the console's front page and sign-out, as a browser uses them. */
class StaffPagesHttpTest extends IntegrationTest {

    private HttpAnswer signIn(Browser browser, String email, String password) {
        browser.get("/admin/login").assertPage(200, null);
        return form(browser, "/admin/login", "email", email, "password", password);
    }

    @Test
    void anAdminSignsInOnTheStaffPageWithACookieOnlyTheStaffPagesReceive() {
        String email = newAdmin();
        Browser browser = browser();

        HttpAnswer signedIn = signIn(browser, email, PASSWORD);

        assertThat(signedIn.status()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).contains("/admin/");
        assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("ledger_staff_session=").contains("Path=/admin").contains("HttpOnly"));
        HttpAnswer console = browser.get("/admin/").assertPage(200, null);
        assertThat(console.body()).contains("Signed in as " + email).contains("<strong>admin</strong>");
        browser.get("/v1/auth/me").assertProblem(401, "UNAUTHENTICATED");
        browser.get("/business/anything/").assertPage(401, "UNAUTHENTICATED");
    }

    @Test
    void anAuditorUsesTheSameConsole() {
        String admin = newAdmin();
        String auditorEmail = uniqueEmail();
        String auditor = signUpAndVerify(browser(), auditorEmail);
        assertThat(staffSession(admin).postJson("/v1/admin/staff-grants", "{\"account_ref\":\"" + auditor + "\",\"role\":\"auditor\"}")
                .status()).isEqualTo(201);
        Browser browser = browser();

        assertThat(signIn(browser, auditorEmail, PASSWORD).status()).isEqualTo(303);

        assertThat(browser.get("/admin/").assertPage(200, null).body()).contains("<strong>auditor</strong>");
    }

    @Test
    void anAccountWithoutAStaffGrantCannotSignInThere() {
        String email = uniqueEmail();
        signUpAndVerify(browser(), email);
        Browser browser = browser();

        HttpAnswer refused = signIn(browser, email, PASSWORD);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("class=\"problem\"").contains("name=\"password\"");
        assertThat(browser.cookie("ledger_staff_session")).isEmpty();
        assertThat(signIn(browser, email, "not the password").status()).isEqualTo(401);
    }

    @Test
    void signingOutEndsTheStaffSession() {
        String email = newAdmin();
        Browser browser = browser();
        signIn(browser, email, PASSWORD);
        String cookie = browser.cookie("ledger_staff_session").orElseThrow();

        HttpAnswer signedOut = form(browser, "/admin/logout");

        assertThat(signedOut.status()).isEqualTo(303);
        assertThat(signedOut.headers().firstValue("Location")).contains("/admin/login");
        Browser replay = browser();
        replay.setCookie("ledger_staff_session", cookie);
        HttpAnswer page = replay.get("/admin/").assertPage(401, "UNAUTHENTICATED");
        assertThat(page.body()).contains("href=\"/admin/login\"");
    }

    @Test
    void revokingTheGrantEndsTheStaffPageSessionOnTheNextRequest() {
        String admin = newAdmin();
        String auditorEmail = uniqueEmail();
        String auditor = signUpAndVerify(browser(), auditorEmail);
        Browser adminApi = staffSession(admin);
        adminApi.postJson("/v1/admin/staff-grants", "{\"account_ref\":\"" + auditor + "\",\"role\":\"auditor\"}");
        Browser browser = browser();
        signIn(browser, auditorEmail, PASSWORD);
        browser.get("/admin/").assertPage(200, null);

        assertThat(adminApi.send("DELETE", "/v1/admin/staff-grants/" + auditor + "/auditor", null, null).status()).isEqualTo(204);

        browser.get("/admin/").assertPage(401, "UNAUTHENTICATED");
    }
}
