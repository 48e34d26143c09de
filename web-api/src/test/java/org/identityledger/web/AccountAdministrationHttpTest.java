package org.identityledger.web;

import org.identityledger.web.support.Browser;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/** Admins operate accounts with a reason; the events say who and why, and the sessions end at once. */
class AccountAdministrationHttpTest extends IntegrationTest {

    private Browser admin() {
        return staffSession(newAdmin());
    }

    @Test
    void anAdminSuspendsWithAReasonTheSessionsEndAndTheEventNamesTheAdmin() {
        Browser admin = admin();
        String adminRef = admin.get("/v1/auth/me").text("account_ref");
        String email = uniqueEmail();
        String accountRef = signUpAndVerify(browser(), email);
        Browser person = browser().bearer(nativeLogIn(email).text("access_token"));

        HttpAnswer found = admin.get("/v1/admin/accounts?email=" + email.substring(0, email.indexOf('@')).toUpperCase());
        assertThat(found.json().path("accounts").get(0).path("account_ref").asText()).isEqualTo(accountRef);

        HttpAnswer detail = admin.get("/v1/admin/accounts/" + accountRef);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.json().path("live_sessions")).hasSize(1);
        admin.get("/v1/admin/accounts/acc_nobody").assertProblem(404, "ACCOUNT_NOT_FOUND");

        HttpAnswer suspended = admin.postJson("/v1/admin/accounts/" + accountRef + "/suspend", "{\"reason\":\"fraud report 42\"}");
        assertThat(suspended.status()).isEqualTo(200);
        assertThat(suspended.text("state")).isEqualTo("suspended");
        person.get("/v1/auth/me").assertProblem(401, "UNAUTHENTICATED");
        assertThat(jdbc.queryForObject("SELECT convert_from(payload, 'UTF8')::jsonb ->> 'actor_ref' || ' / ' ||"
                + " (convert_from(payload, 'UTF8')::jsonb ->> 'reason') FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type LIKE '%.AccountSuspendedEvent'", String.class, accountRef)).isEqualTo(adminRef + " / fraud report 42");

        assertThat(admin.postJson("/v1/admin/accounts/" + accountRef + "/reinstate", "{\"reason\":\"cleared\"}").text("state"))
                .isEqualTo("active");
        assertThat(admin.postJson("/v1/admin/accounts/" + accountRef + "/deactivate", "{\"reason\":\"closed on request\"}").text("state"))
                .isEqualTo("deactivated");
        admin.postJson("/v1/admin/accounts/" + accountRef + "/reinstate", "{\"reason\":\"undo\"}").assertProblem(409, "ILLEGAL_STATE_TRANSITION");
    }

    @Test
    void aReasonIsRequiredAndUnknownAccountsAreNotFound() {
        Browser admin = admin();
        admin.postJson("/v1/admin/accounts/acc_nobody/suspend", "{\"reason\":\"x\"}").assertProblem(404, "ACCOUNT_NOT_FOUND");
        admin.postJson("/v1/admin/accounts/acc_nobody/suspend", "{}").assertProblem(400, "VALIDATION_FAILED");
    }

    @Test
    void aCustomerCannotAdministerAccounts() {
        String email = uniqueEmail();
        String accountRef = signUpAndVerify(browser(), email);
        Browser customer = browser().bearer(nativeLogIn(email).text("access_token"));

        customer.postJson("/v1/admin/accounts/" + accountRef + "/suspend", "{\"reason\":\"self\"}").assertProblem(403, "CONTEXT_MISMATCH");
        customer.get("/v1/admin/accounts?email=a").assertProblem(403, "CONTEXT_MISMATCH");
    }

    @Test
    void anAdminSuspendsABusinessAndItsBusinessSessionsEnd() {
        Browser admin = admin();
        String ownerEmail = uniqueEmail();
        signUpAndVerify(browser(), ownerEmail);
        String businessId = browser().bearer(nativeLogIn(ownerEmail).text("access_token")).postJson("/v1/account/businesses",
                "{\"name\":\"Suspended Motors\",\"handle\":\"sus-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "\"}")
                .text("business_id");
        HttpAnswer login = nativeClient().postJson("/v1/auth/native/login", "{\"email\":\"" + ownerEmail + "\",\"password\":\""
                + PASSWORD + "\",\"context\":\"business\",\"business_id\":\"" + businessId + "\"}");
        Browser business = browser().bearer(login.text("access_token"));
        assertThat(business.get("/v1/businesses/" + businessId + "/members").status()).isEqualTo(200);

        HttpAnswer suspended = admin.postJson("/v1/admin/businesses/" + businessId + "/suspend", "{\"reason\":\"fraud\"}");

        assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
        business.get("/v1/businesses/" + businessId + "/members").assertProblem(401, "UNAUTHENTICATED");
        assertThat(admin.get("/v1/admin/businesses").body()).contains(businessId);
        assertThat(admin.postJson("/v1/admin/businesses/" + businessId + "/reinstate", "{\"reason\":\"cleared\"}").text("state"))
                .isEqualTo("active");
        admin.postJson("/v1/admin/businesses/biz_nobody/suspend", "{\"reason\":\"x\"}").assertProblem(404, "NOT_FOUND");
    }
}
