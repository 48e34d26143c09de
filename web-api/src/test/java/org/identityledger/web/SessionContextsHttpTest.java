package org.identityledger.web;

import org.identityledger.command.business.AcceptInvitationCommand;
import org.identityledger.command.business.BusinessHandle;
import org.identityledger.command.business.InviteMemberCommand;
import org.identityledger.command.business.IssuedInvitation;
import org.identityledger.command.business.CreateBusinessCommand;
import org.identityledger.command.business.RemoveMemberCommand;
import org.identityledger.command.business.SuspendBusinessCommand;
import org.identityledger.command.staff.GrantStaffRoleCommand;
import org.identityledger.command.staff.RevokeStaffRoleCommand;
import org.identityledger.command.staff.StaffRoster;
import org.identityledger.events.business.BusinessRole;
import org.identityledger.events.staff.StaffRole;
import org.identityledger.web.support.Browser;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session is opened for one context and acts only there: its bearer elsewhere is
 * CONTEXT_MISMATCH, its cookie value presented as another context's cookie opens nothing, and it
 * ends the moment the membership, business or grant it depended on does.
 */
class SessionContextsHttpTest extends IntegrationTest {

    private HttpAnswer nativeLogIn(String email, String contextFields) {
        return nativeClient().postJson("/v1/auth/native/login", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                + "\"" + contextFields + "}");
    }

    private String newBusinessOwnedBy(String accountRef) {
        String businessId = "biz_" + UUID.randomUUID();
        commandGateway.sendAndWait(new CreateBusinessCommand(businessId,
                new BusinessHandle("ctx-" + UUID.randomUUID().toString().substring(0, 8)), "Context Motors", accountRef));
        return businessId;
    }

    @Test
    void aStaffBearerOnACustomerRouteIsAContextMismatchButMayAskWhoItIs() {
        String email = uniqueEmail();
        makeAdmin(signUpAndVerify(browser(), email));
        HttpAnswer login = nativeLogIn(email, ",\"context\":\"staff\"");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.text("context")).isEqualTo("staff");
        assertThat(login.json().path("refresh_expires_in").asLong()).as("staff sessions are shorter-lived").isLessThanOrEqualTo(4 * 3600);
        Browser staff = browser().bearer(login.text("access_token"));

        staff.get("/v1/auth/sessions").assertProblem(403, "CONTEXT_MISMATCH");
        HttpAnswer me = staff.get("/v1/auth/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("context")).isEqualTo("staff");
        assertThat(me.json().path("session").path("context").asText()).isEqualTo("staff");
    }

    @Test
    void aBusinessBearerOnACustomerRouteIsAContextMismatch() {
        String email = uniqueEmail();
        String businessId = newBusinessOwnedBy(signUp(browser(), email));
        HttpAnswer login = nativeLogIn(email, ",\"context\":\"business\",\"business_id\":\"" + businessId + "\"");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.text("business_id")).isEqualTo(businessId);
        Browser business = browser().bearer(login.text("access_token"));

        business.get("/v1/auth/sessions").assertProblem(403, "CONTEXT_MISMATCH");
        business.post("/v1/auth/sessions/revoke-others").assertProblem(403, "CONTEXT_MISMATCH");
        assertThat(business.get("/v1/auth/me").text("business_id")).isEqualTo(businessId);
    }

    @Test
    void aStaffCookieValuePresentedAsTheCustomerCookieOpensNothing() {
        String email = uniqueEmail();
        makeAdmin(signUpAndVerify(browser(), email));
        Browser admin = browser().withCsrf();
        HttpAnswer login = admin.postJson("/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                + "\",\"context\":\"staff\"}");
        assertThat(login.status()).isEqualTo(200);
        String setCookie = String.join("\n", login.headers().allValues("Set-Cookie"));
        assertThat(setCookie).contains("ledger_staff_session=").contains("Path=/admin").doesNotContain("ledger_session=");
        String secret = setCookie.replaceAll("(?s).*ledger_staff_session=([^;]*);.*", "$1");

        Browser customer = browser();
        customer.setCookie("ledger_session", secret);
        customer.get("/v1/auth/me").assertProblem(401, "UNAUTHENTICATED");
        customer.get("/v1/auth/sessions").assertProblem(401, "UNAUTHENTICATED");
    }

    @Test
    void aContextNeedsItsMembershipOrGrant() {
        String email = uniqueEmail();
        signUpAndVerify(browser(), email);

        nativeLogIn(email, ",\"context\":\"staff\"").assertProblem(403, "FORBIDDEN");
        nativeLogIn(email, ",\"context\":\"business\",\"business_id\":\"biz_nobody\"").assertProblem(403, "FORBIDDEN");
        nativeLogIn(email, ",\"context\":\"boss\"").assertProblem(400, "VALIDATION_FAILED");
        HttpAnswer missing = nativeLogIn(email, ",\"context\":\"business\"");
        missing.assertProblem(400, "VALIDATION_FAILED");
        assertThat(missing.json().path("errors").get(0).path("field").asText()).isEqualTo("business_id");
        nativeLogIn(email, ",\"password\":\"wrong but long enough\",\"context\":\"staff\"");
    }

    @Test
    void aStaffSignInNeedsAVerifiedEmail() {
        String email = uniqueEmail();
        String accountRef = signUp(browser(), email);
        makeAdmin(accountRef);

        nativeLogIn(email, ",\"context\":\"staff\"").assertProblem(403, "FORBIDDEN");
    }

    @Test
    void removingAMemberEndsItsBusinessSessionsAndNothingElse() throws Exception {
        String owner = signUp(browser(), uniqueEmail());
        String businessId = newBusinessOwnedBy(owner);
        String memberEmail = uniqueEmail();
        String member = signUp(browser(), memberEmail);
        IssuedInvitation invitation = commandGateway.sendAndWait(new InviteMemberCommand(businessId, owner, memberEmail, BusinessRole.MEMBER));
        commandGateway.sendAndWait(new AcceptInvitationCommand(businessId, sha256(invitation.rawToken()), member, memberEmail));
        Browser business = browser().bearer(nativeLogIn(memberEmail, ",\"context\":\"business\",\"business_id\":\"" + businessId + "\"")
                .text("access_token"));
        Browser customer = browser().bearer(nativeLogIn(memberEmail, "").text("access_token"));
        assertThat(business.get("/v1/auth/me").status()).isEqualTo(200);

        commandGateway.sendAndWait(new RemoveMemberCommand(businessId, owner, member));

        assertThat(business.get("/v1/auth/me").status()).as("the business session dies with the membership").isEqualTo(401);
        assertThat(customer.get("/v1/auth/me").status()).as("the same account's customer session lives on").isEqualTo(200);
    }

    private static String sha256(String value) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void suspendingABusinessEndsItsBusinessSessions() {
        String ownerEmail = uniqueEmail();
        String businessId = newBusinessOwnedBy(signUp(browser(), ownerEmail));
        HttpAnswer login = nativeLogIn(ownerEmail, ",\"context\":\"business\",\"business_id\":\"" + businessId + "\"");
        Browser business = browser().bearer(login.text("access_token"));

        commandGateway.sendAndWait(new SuspendBusinessCommand(businessId, "acc_staff", "fraud report"));

        business.get("/v1/auth/me").assertProblem(401, "UNAUTHENTICATED");
        refresh(login.text("refresh_token")).assertProblem(401, "REFRESH_TOKEN_INVALID");
        nativeLogIn(ownerEmail, ",\"context\":\"business\",\"business_id\":\"" + businessId + "\"").assertProblem(403, "FORBIDDEN");
    }

    @Test
    void revokingTheLastStaffRoleEndsTheStaffSessions() {
        String email = uniqueEmail();
        String accountRef = signUpAndVerify(browser(), email);
        makeAdmin(accountRef);
        String otherAdmin = jdbc.queryForList("SELECT account_ref FROM staff_grant_lookup WHERE role = 'admin' AND account_ref <> ?",
                String.class, accountRef).stream().findFirst().orElse(null);
        if (otherAdmin == null) {
            // This account is the only admin: give the platform another so this one may lose the grant.
            String spare = signUpAndVerify(browser(), uniqueEmail());
            commandGateway.sendAndWait(new GrantStaffRoleCommand(StaffRoster.ID, spare, StaffRole.ADMIN, accountRef));
            otherAdmin = spare;
        }
        Browser staff = browser().bearer(nativeLogIn(email, ",\"context\":\"staff\"").text("access_token"));
        assertThat(staff.get("/v1/auth/me").status()).isEqualTo(200);

        commandGateway.sendAndWait(new RevokeStaffRoleCommand(StaffRoster.ID, accountRef, StaffRole.ADMIN, otherAdmin));

        staff.get("/v1/auth/me").assertProblem(401, "UNAUTHENTICATED");
    }
}
