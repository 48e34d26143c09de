package org.identityledger.web;

import org.identityledger.web.support.Browser;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.identityledger.web.BusinessPagesHttpTest.form;

/** The console's account pages: admins find, suspend and reinstate accounts; auditors read timelines; neither the other's. */
class StaffConsoleHttpTest extends IntegrationTest {

    private Browser consoleOf(String email) {
        Browser browser = browser();
        browser.get("/admin/login");
        assertThat(form(browser, "/admin/login", "email", email, "password", PASSWORD).status()).isEqualTo(303);
        return browser;
    }

    private String state(String accountRef) {
        return jdbc.queryForObject("SELECT state FROM account_view WHERE account_ref = ?", String.class, accountRef);
    }

    @Test
    void anAdminFindsAnAccountAndSuspendsAndReinstatesItWithAReason() {
        String prefix = "console-" + UUID.randomUUID().toString().substring(0, 8);
        String email = prefix + "@example.com";
        String accountRef = signUpAndVerify(browser(), email);
        Browser person = browser().bearer(nativeLogIn(email).text("access_token"));
        Browser admin = consoleOf(newAdmin());
        assertThat(admin.get("/admin/").body()).contains("action=\"/admin/accounts\"").doesNotContain("/admin/audit/timeline");

        HttpAnswer found = admin.get("/admin/accounts?email=" + prefix).assertPage(200, null);
        assertThat(found.body()).contains("href=\"/admin/accounts/" + accountRef + "\"");
        assertThat(admin.get("/admin/accounts/" + accountRef).assertPage(200, null).body()).contains(">Suspend<");

        form(admin, "/admin/accounts/" + accountRef + "/suspend", "reason", "").assertPage(400, "VALIDATION_FAILED");
        assertThat(form(admin, "/admin/accounts/" + accountRef + "/suspend", "reason", "fraud report #7").status()).isEqualTo(303);
        assertThat(state(accountRef)).isEqualTo("suspended");
        person.get("/v1/auth/me").assertProblem(401, "UNAUTHENTICATED");
        assertThat(admin.get("/admin/accounts/" + accountRef + "?done=suspended").body()).contains(">Reinstate<");

        assertThat(form(admin, "/admin/accounts/" + accountRef + "/reinstate", "reason", "report withdrawn").status()).isEqualTo(303);
        assertThat(state(accountRef)).isEqualTo("active");
        admin.get("/admin/audit/timeline?account_ref=" + accountRef).assertPage(403, "FORBIDDEN");
        admin.get("/admin/accounts/acc_nobody").assertPage(404, "ACCOUNT_NOT_FOUND");
    }

    @Test
    void anAuditorReadsATimelineAndCannotTouchAccounts() {
        String email = uniqueEmail();
        String accountRef = signUpAndVerify(browser(), email);
        String auditorEmail = uniqueEmail();
        String auditor = signUpAndVerify(browser(), auditorEmail);
        staffSession(newAdmin()).postJson("/v1/admin/staff-grants", "{\"account_ref\":\"" + auditor + "\",\"role\":\"auditor\"}");
        Browser console = consoleOf(auditorEmail);
        assertThat(console.get("/admin/").body()).contains("/admin/audit/timeline").doesNotContain("action=\"/admin/accounts\"");

        HttpAnswer timeline = console.get("/admin/audit/timeline?account_ref=" + accountRef).assertPage(200, null);

        assertThat(timeline.body()).contains("AccountRegisteredEvent").contains("EmailVerifiedEvent");
        console.get("/admin/accounts?email=a").assertPage(403, "FORBIDDEN");
        long before = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        form(console, "/admin/accounts/" + accountRef + "/suspend", "reason", "not mine to do").assertPage(403, "FORBIDDEN");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class)).isEqualTo(before);
        assertThat(state(accountRef)).isEqualTo("active");
    }

    @Test
    void hostileSearchTextNeverBreaksTheSearch() {
        Browser admin = consoleOf(newAdmin());
        Browser api = staffSession(newAdmin());
        for (String text : new String[] {"%00", "%25", "_", "%5C", "%27%20OR%201%3D1", "%F0%9F%98%80", "x".repeat(300)}) {
            assertThat(admin.get("/admin/accounts?email=" + text).status()).as(text).isBetween(200, 499);
            assertThat(api.get("/v1/admin/accounts?email=" + text).status()).as(text).isBetween(200, 499);
        }
    }
}
