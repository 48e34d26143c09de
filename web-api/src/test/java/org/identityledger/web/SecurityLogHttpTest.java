package org.identityledger.web;

import org.identityledger.web.support.Browser;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Failed logins, refused permissions and denied decisions reach the security log; auditors read it as NDJSON. */
class SecurityLogHttpTest extends IntegrationTest {

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
        staffSession(newAdmin()).postJson("/v1/admin/staff-grants", "{\"account_ref\":\"" + auditor + "\",\"role\":\"auditor\"}");
        Browser auditorSession = staffSession(auditorEmail);

        await().atMost(Duration.ofSeconds(10)).until(() -> auditorSession.get("/v1/audit/security-log?account_ref=" + accountRef)
                .body().split("\n").length >= 2);
        HttpAnswer read = auditorSession.get("/v1/audit/security-log?account_ref=" + accountRef + "&type=permission_denied");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.contentType()).startsWith("application/x-ndjson");
        assertThat(read.body()).contains("\"type\":\"permission_denied\"").contains("CONTEXT_MISMATCH").contains("decision staff.audit");
        for (String line : read.body().split("\n")) {
            assertThat(line).as("the account_ref filter applies").contains("\"account_ref\":\"" + accountRef + "\"");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM security_log WHERE type = 'login_failed' AND detail LIKE '%native/login%'", Long.class) > 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM security_log WHERE type = 'audit_read' AND actor_ref = ?", Long.class, auditor) > 0);
    }

    @Test
    void onlyAuditorsReadTheLog() {
        staffSession(newAdmin()).get("/v1/audit/security-log").assertProblem(403, "FORBIDDEN");
        String email = uniqueEmail();
        signUpAndVerify(browser(), email);
        browser().bearer(nativeLogIn(email).text("access_token")).get("/v1/audit/security-log").assertProblem(403, "CONTEXT_MISMATCH");
    }
}
