package org.identityledger.web;

import org.identityledger.command.staff.BootstrapAdminCommand;
import org.identityledger.command.staff.GrantStaffRoleCommand;
import org.identityledger.command.staff.StaffRoster;
import org.identityledger.events.staff.StaffRole;
import org.identityledger.web.support.Browser;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Failed logins, refused permissions and denied decisions reach the security log; auditors read it as NDJSON. */
class SecurityLogHttpTest extends IntegrationTest {

    private Browser staff(String email) {
        HttpAnswer login = nativeClient().postJson("/v1/auth/native/login", "{\"email\":\"" + email + "\",\"password\":\""
                + PASSWORD + "\",\"context\":\"staff\"}");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return browser().bearer(login.text("access_token"));
    }

    private String admin() {
        String email = uniqueEmail();
        String accountRef = signUpAndVerify(browser(), email);
        List<String> admins = jdbc.queryForList("SELECT account_ref FROM staff_grant_lookup WHERE role = 'admin'", String.class);
        commandGateway.sendAndWait(admins.isEmpty() ? new BootstrapAdminCommand(StaffRoster.ID, accountRef)
                : new GrantStaffRoleCommand(StaffRoster.ID, accountRef, StaffRole.ADMIN, admins.get(0)));
        return email;
    }

    @Test
    void refusalsAreLoggedAndAnAuditorReadsThemAsNdjson() {
        String email = uniqueEmail();
        String accountRef = signUpAndVerify(browser(), email);
        Browser customer = browser().bearer(nativeLogIn(email).text("access_token"));
        nativeClient().postJson("/v1/auth/native/login", "{\"email\":\"" + email + "\",\"password\":\"not the right one at all\"}")
                .assertProblem(401, "INVALID_CREDENTIALS");
        customer.get("/v1/admin/accounts?email=a").assertProblem(403, "CONTEXT_MISMATCH");
        customer.postJson("/v1/authz/decisions", "{\"permission\":\"staff.audit\"}");

        String auditorEmail = uniqueEmail();
        String auditor = signUpAndVerify(browser(), auditorEmail);
        staff(admin()).postJson("/v1/admin/staff-grants", "{\"account_ref\":\"" + auditor + "\",\"role\":\"auditor\"}");
        Browser auditorSession = staff(auditorEmail);

        await().atMost(Duration.ofSeconds(10)).until(() -> auditorSession.get("/v1/audit/security-log?account_ref=" + accountRef)
                .body().split("\n").length >= 2);
        HttpAnswer read = auditorSession.get("/v1/audit/security-log?account_ref=" + accountRef + "&type=permission_denied");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.contentType()).startsWith("application/x-ndjson");
        assertThat(read.body()).contains("\"type\":\"permission_denied\"").contains("CONTEXT_MISMATCH").contains("decision staff.audit");
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM security_log WHERE type = 'login_failed' AND detail LIKE '%native/login%'", Long.class) > 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM security_log WHERE type = 'audit_read' AND actor_ref = ?", Long.class, auditor) > 0);
    }

    @Test
    void onlyAuditorsReadTheLog() {
        staff(admin()).get("/v1/audit/security-log").assertProblem(403, "FORBIDDEN");
        String email = uniqueEmail();
        signUpAndVerify(browser(), email);
        browser().bearer(nativeLogIn(email).text("access_token")).get("/v1/audit/security-log").assertProblem(403, "CONTEXT_MISMATCH");
    }
}
