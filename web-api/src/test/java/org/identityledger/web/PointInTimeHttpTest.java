package org.identityledger.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.identityledger.web.support.Browser;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Point-in-time state over a scripted history: signup, verification, seller, joining a business,
 * a session, suspension, reinstatement, a new session and a password reset. Asked at an instant
 * between each two steps, the ledger answers exactly what held then.
 */
class PointInTimeHttpTest extends IntegrationTest {

    private final List<Instant> instants = new ArrayList<>();

    /** An instant strictly after everything so far and strictly before whatever comes next. */
    private void mark() throws InterruptedException {
        Thread.sleep(30);
        instants.add(Instant.now());
        Thread.sleep(30);
    }

    private String summary(JsonNode state) {
        List<String> memberships = new ArrayList<>();
        state.get("memberships").forEach(membership -> memberships.add(membership.get("role").asText()));
        return state.get("state").asText() + " verified=" + state.get("email_verified").asBoolean()
                + " capabilities=" + state.get("capabilities") + " memberships=" + memberships
                + " live_sessions=" + state.get("live_sessions").size();
    }

    @Test
    void eachInstantOfAScriptedHistoryReadsExactlyAsItStoodAndThePersonCanExportIt() throws Exception {
        Browser auditor = newAuditor();
        Browser admin = staffSession(newAdmin());
        String ownerEmail = uniqueEmail();
        signUpAndVerify(browser(), ownerEmail);
        Browser owner = browser().bearer(nativeLogIn(ownerEmail).text("access_token"));
        String businessId = owner.postJson("/v1/account/businesses",
                "{\"name\":\"Then\",\"handle\":\"pit-" + UUID.randomUUID().toString().substring(0, 8) + "\"}").text("business_id");
        Browser team = browser().bearer(nativeClient().postJson("/v1/auth/native/login", "{\"email\":\"" + ownerEmail
                + "\",\"password\":\"" + PASSWORD + "\",\"context\":\"business\",\"business_id\":\"" + businessId + "\"}")
                .text("access_token"));
        String email = uniqueEmail();

        mark();                                                          // 0: nothing yet
        String accountRef = signUp(browser(), email);
        mark();                                                          // 1: registered
        String verification = mailbox.awaitVerificationToken(email, 1);
        assertThat(browser().postJson("/v1/auth/email/verify", "{\"token\":\"" + verification + "\"}").status()).isEqualTo(200);
        mark();                                                          // 2: verified
        Browser person = browser().bearer(nativeLogIn(email).text("access_token"));
        assertThat(person.post("/v1/account/seller").status()).isEqualTo(200);
        mark();                                                          // 3: seller, one session
        team.postJson("/v1/businesses/" + businessId + "/invitations", "{\"email\":\"" + email + "\",\"role\":\"member\"}");
        assertThat(person.postJson("/v1/account/invitations/accept", "{\"token\":\""
                + mailbox.awaitInvitationToken(email, 2) + "\"}").status()).isEqualTo(200);
        mark();                                                          // 4: member
        admin.postJson("/v1/admin/accounts/" + accountRef + "/suspend", "{\"reason\":\"scripted\"}");
        mark();                                                          // 5: suspended, sessions ended
        admin.postJson("/v1/admin/accounts/" + accountRef + "/reinstate", "{\"reason\":\"scripted\"}");
        mark();                                                          // 6: active again
        nativeLogIn(email);
        mark();                                                          // 7: a new session
        assertThat(browser().postJson("/v1/auth/password/reset-request", "{\"email\":\"" + email + "\"}").status()).isEqualTo(202);
        String reset = mailbox.awaitResetLink(email, 3).group(2);
        assertThat(browser().postJson("/v1/auth/password/reset", "{\"token\":\"" + reset
                + "\",\"new_password\":\"a new passphrase for then\"}").status()).isEqualTo(204);
        mark();                                                          // 8: reset, sessions ended

        auditor.get("/v1/audit/accounts/" + accountRef + "/state?at=" + instants.get(0)).assertProblem(404, "ACCOUNT_NOT_FOUND");
        String[] expected = {
                null,
                "pending_verification verified=false capabilities=[\"buyer\"] memberships=[] live_sessions=0",
                "active verified=true capabilities=[\"buyer\"] memberships=[] live_sessions=0",
                "active verified=true capabilities=[\"buyer\",\"seller\"] memberships=[] live_sessions=1",
                "active verified=true capabilities=[\"buyer\",\"seller\"] memberships=[member] live_sessions=1",
                "suspended verified=true capabilities=[\"buyer\",\"seller\"] memberships=[member] live_sessions=0",
                "active verified=true capabilities=[\"buyer\",\"seller\"] memberships=[member] live_sessions=0",
                "active verified=true capabilities=[\"buyer\",\"seller\"] memberships=[member] live_sessions=1",
                "active verified=true capabilities=[\"buyer\",\"seller\"] memberships=[member] live_sessions=0"};
        long previousPosition = 0;
        for (int step = 1; step < expected.length; step++) {
            HttpAnswer answer = auditor.get("/v1/audit/accounts/" + accountRef + "/state?at=" + instants.get(step));
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            JsonNode state = answer.json();
            assertThat(summary(state)).as("at step %d", step).isEqualTo(expected[step]);
            assertThat(state.get("email").asText()).isEqualTo(email);
            assertThat(state.get("position").asLong()).as("position at step %d", step).isGreaterThan(previousPosition);
            previousPosition = state.get("position").asLong();
        }
        auditor.get("/v1/audit/accounts/" + accountRef + "/state?at=yesterday").assertProblem(400, "VALIDATION_FAILED");

        Browser own = browser().bearer(nativeClient().postJson("/v1/auth/native/login", "{\"email\":\"" + email
                + "\",\"password\":\"a new passphrase for then\"}").text("access_token"));
        HttpAnswer export = own.get("/v1/account/export");
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        assertThat(export.json().get("account").get("email").asText()).isEqualTo(email);
        assertThat(export.json().get("memberships").get(0).get("role").asText()).isEqualTo("member");
        assertThat(export.json().get("sessions")).hasSize(1);
        List<String> types = new ArrayList<>();
        export.json().get("events").forEach(event -> types.add(event.get("type").asText()));
        assertThat(types).contains("AccountRegisteredEvent", "EmailVerifiedEvent", "SellerCapabilityActivatedEvent",
                "BusinessMemberJoinedEvent", "AccountSuspendedEvent", "AccountReinstatedEvent", "PasswordChangedEvent");
        assertThat(export.body()).doesNotContain(reset).doesNotContain(verification).contains("[redacted]");
        staffSession(newAdmin()).get("/v1/account/export").assertProblem(403, "CONTEXT_MISMATCH");
        browser().get("/v1/account/export").assertProblem(401, "UNAUTHENTICATED");
        staffSession(newAdmin()).get("/v1/audit/accounts/" + accountRef + "/state").assertProblem(403, "FORBIDDEN");
    }
}
