package org.identityledger.web;

import org.identityledger.web.support.Browser;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/** Admins grant and revoke staff roles over HTTP; nobody else can, and a revocation acts at once. */
class StaffGrantsHttpTest extends IntegrationTest {

    @Test
    void anAdminGrantsAnAuditorWhoCannotGrantAndLosesTheSessionWithTheRole() {
        Browser admin = staffSession(newAdmin());
        String auditorEmail = uniqueEmail();
        String auditor = signUpAndVerify(browser(), auditorEmail);

        HttpAnswer granted = admin.postJson("/v1/admin/staff-grants", "{\"account_ref\":\"" + auditor + "\",\"role\":\"auditor\"}");
        assertThat(granted.status()).isEqualTo(201);
        assertThat(jdbc.queryForObject("SELECT convert_from(payload, 'UTF8')::jsonb ->> 'actor_ref' FROM domain_event_entry"
                        + " WHERE payload_type LIKE '%.StaffRoleGrantedEvent' AND convert_from(payload, 'UTF8')::jsonb ->> 'account_ref' = ?",
                String.class, auditor)).isEqualTo(admin.get("/v1/auth/me").text("account_ref"));

        Browser auditorSession = staffSession(auditorEmail);
        auditorSession.postJson("/v1/admin/staff-grants", "{\"account_ref\":\"" + auditor + "\",\"role\":\"admin\"}")
                .assertProblem(403, "FORBIDDEN");

        assertThat(admin.send("DELETE", "/v1/admin/staff-grants/" + auditor + "/auditor", null, null).status()).isEqualTo(204);
        auditorSession.get("/v1/auth/me").assertProblem(401, "UNAUTHENTICATED");
    }

    @Test
    void customersAndUnknownAccountsGetNoGrant() {
        String email = uniqueEmail();
        String accountRef = signUpAndVerify(browser(), email);
        Browser customer = browser().bearer(nativeLogIn(email).text("access_token"));

        customer.postJson("/v1/admin/staff-grants", "{\"account_ref\":\"" + accountRef + "\",\"role\":\"admin\"}")
                .assertProblem(403, "CONTEXT_MISMATCH");
        staffSession(newAdmin()).postJson("/v1/admin/staff-grants", "{\"account_ref\":\"acc_nobody\",\"role\":\"auditor\"}")
                .assertProblem(404, "ACCOUNT_NOT_FOUND");
        assertThat(jdbc.queryForList("SELECT role FROM staff_grant_lookup WHERE account_ref = ?", String.class, accountRef)).isEmpty();
    }
}
