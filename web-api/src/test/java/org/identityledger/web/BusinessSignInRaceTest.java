package org.identityledger.web;

import org.identityledger.web.support.Browser;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Business sign-ins racing the removal of the member: whichever commits first, no business session
 * of the removed member outlives the removal (checked against the event store and the read model).
 */
class BusinessSignInRaceTest extends IntegrationTest {

    @Test
    void noBusinessSessionOutlivesAConcurrentRemoval() throws Exception {
        String ownerEmail = uniqueEmail();
        signUpAndVerify(browser(), ownerEmail);
        Browser owner = browser().bearer(nativeLogIn(ownerEmail).text("access_token"));
        String businessId = owner.postJson("/v1/account/businesses",
                "{\"name\":\"Race\",\"handle\":\"race-" + UUID.randomUUID().toString().substring(0, 8) + "\"}").text("business_id");
        String inBusiness = ",\"context\":\"business\",\"business_id\":\"" + businessId + "\"";
        Browser ownerSession = browser().bearer(nativeClient().postJson("/v1/auth/native/login", "{\"email\":\"" + ownerEmail
                + "\",\"password\":\"" + PASSWORD + "\"" + inBusiness + "}").text("access_token"));
        String memberEmail = uniqueEmail();
        String member = signUpAndVerify(browser(), memberEmail);
        ownerSession.postJson("/v1/businesses/" + businessId + "/invitations", "{\"email\":\"" + memberEmail + "\",\"role\":\"member\"}");
        browser().bearer(nativeLogIn(memberEmail).text("access_token")).postJson("/v1/account/invitations/accept",
                "{\"token\":\"" + mailbox.awaitInvitationToken(memberEmail, 2) + "\"}");

        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<Integer>> logins = new ArrayList<>();
        try {
            for (int i = 0; i < 24; i++) {
                int delay = i * 15;
                logins.add(threads.submit(() -> {
                    Thread.sleep(delay);
                    HttpAnswer answer = nativeClient().postJson("/v1/auth/native/login", "{\"email\":\"" + memberEmail
                            + "\",\"password\":\"" + PASSWORD + "\"" + inBusiness + "}");
                    return answer.status();
                }));
            }
            Thread.sleep(150);
            assertThat(ownerSession.send("DELETE", "/v1/businesses/" + businessId + "/members/" + member, null, null).status())
                    .isEqualTo(204);
            for (Future<Integer> login : logins) {
                assertThat(login.get(60, TimeUnit.SECONDS)).isIn(200, 403);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(jdbc.queryForObject("SELECT count(*) FROM session_view WHERE account_ref = ? AND business_id = ?"
                + " AND revoked_at IS NULL", Long.class, member, businessId)).as("live business sessions of the removed member").isZero();
        // Against the event store: every business session the member ever started has ended in its own stream.
        // (Not "none started after the removal's event": the global index is taken when an event is
        // appended, not when it commits, and a start that committed first is revoked by the removal.)
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry started WHERE started.payload_type LIKE '%.SessionStartedEvent'"
                        + " AND convert_from(started.payload, 'UTF8')::jsonb ->> 'account_ref' = ?"
                        + " AND convert_from(started.payload, 'UTF8')::jsonb ->> 'business_id' = ?"
                        + " AND NOT EXISTS (SELECT 1 FROM domain_event_entry ended WHERE ended.aggregate_identifier = started.aggregate_identifier"
                        + " AND ended.payload_type LIKE '%.SessionRevokedEvent')", Long.class, member, businessId))
                .as("business sessions of the removed member without a revocation in their stream").isZero();
    }
}
