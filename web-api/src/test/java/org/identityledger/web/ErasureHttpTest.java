package org.identityledger.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.identityledger.infrastructure.ledger.LedgerVerifier;
import org.identityledger.web.support.Browser;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Erasure keeps the ledger and loses the person: the events stay byte for byte (the chain verifies),
 * none of them reads the account's personal data any more (timeline, stream, point-in-time state),
 * every session is over, the read models are anonymised and the address may sign up again.
 */
class ErasureHttpTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ERASED = "[erased]";

    private long erasures(String accountRef) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type LIKE '%.AccountErasedEvent'", Long.class, accountRef);
    }

    @Test
    void erasingOnesOwnAccountKeepsTheEventsButNotThePersonAndFreesTheAddress() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String email = "erase-" + marker + "@example.com";
        String displayName = "Grace " + marker;
        Browser person = browser();
        HttpAnswer signup = person.postJson("/v1/auth/signup", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                + "\",\"display_name\":\"" + displayName + "\"}");
        String accountRef = signup.text("account_ref");
        assertThat(person.postJson("/v1/auth/email/verify", "{\"token\":\"" + mailbox.awaitVerificationToken(email, 1)
                + "\"}").status()).isEqualTo(200);
        assertThat(logIn(person, email).status()).isEqualTo(200);
        String refreshToken = nativeLogIn(email).text("refresh_token");
        // An invitation accepted by the account: the invitation's own key goes with the account.
        String ownerEmail = uniqueEmail();
        signUpAndVerify(browser(), ownerEmail);
        Browser owner = browser().bearer(nativeLogIn(ownerEmail).text("access_token"));
        String businessId = owner.postJson("/v1/account/businesses", "{\"name\":\"Erase\",\"handle\":\"erase-" + marker + "\"}")
                .text("business_id");
        Browser team = browser().bearer(nativeClient().postJson("/v1/auth/native/login", "{\"email\":\"" + ownerEmail
                + "\",\"password\":\"" + PASSWORD + "\",\"context\":\"business\",\"business_id\":\"" + businessId + "\"}")
                .text("access_token"));
        team.postJson("/v1/businesses/" + businessId + "/invitations", "{\"email\":\"" + email + "\",\"role\":\"member\"}");
        assertThat(person.postJson("/v1/account/invitations/accept", "{\"token\":\"" + mailbox.awaitInvitationToken(email, 2)
                + "\"}").status()).isEqualTo(200);
        Thread.sleep(20);
        Instant beforeErasure = Instant.now();
        Thread.sleep(20);
        long eventsBefore = eventCount(accountRef);

        person.send("DELETE", "/v1/account", "application/json", "{\"password\":\"not the password\"}")
                .assertProblem(401, "INVALID_CREDENTIALS");
        Browser withoutCsrf = new Browser("http://localhost:" + port);
        person.cookie("ledger_session").ifPresent(cookie -> withoutCsrf.setCookie("ledger_session", cookie));
        withoutCsrf.send("DELETE", "/v1/account", "application/json", "{\"password\":\"" + PASSWORD + "\"}")
                .assertProblem(403, "CSRF_TOKEN_INVALID");
        person.send("DELETE", "/v1/account", "application/json", "{}").assertProblem(400, "VALIDATION_FAILED");
        // The body of a DELETE is bounded like every other: a password of megabytes is never read whole.
        person.send("DELETE", "/v1/account", "application/json", "{\"password\":\"" + "x".repeat(70_000) + "\"}")
                .assertProblem(413, "PAYLOAD_TOO_LARGE");
        assertThat(erasures(accountRef)).isZero();

        HttpAnswer erased = person.send("DELETE", "/v1/account", "application/json", "{\"password\":\"" + PASSWORD + "\"}");

        assertThat(erased.status()).as(erased.body()).isEqualTo(204);
        assertThat(erased.headers().allValues("Set-Cookie")).anyMatch(cookie -> cookie.startsWith("ledger_session=;")
                || cookie.startsWith("ledger_session=") && cookie.contains("Max-Age=0"));
        // Every session is over, on every transport.
        person.get("/v1/auth/me").assertProblem(401, "UNAUTHENTICATED");
        assertThat(refresh(refreshToken).status()).isEqualTo(401);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM session_view WHERE account_ref = ? AND revoked_at IS NULL",
                Long.class, accountRef)).isZero();
        // The raw table still holds every event, plus the deactivation and the erasure; the key is gone.
        assertThat(eventCount(accountRef)).isEqualTo(eventsBefore + 2);
        assertThat(erasures(accountRef)).isOne();
        assertThat(jdbc.queryForObject("SELECT sealed_key IS NULL AND erased_at IS NOT NULL FROM data_key WHERE subject = ?",
                Boolean.class, accountRef)).isTrue();
        assertThat(String.join("\n", jdbc.queryForList("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry",
                String.class))).doesNotContain(email).doesNotContain(displayName);
        // Read models and lookups: anonymised, the hash deleted.
        assertThat(jdbc.queryForObject("SELECT email FROM account_view WHERE account_ref = ?", String.class, accountRef))
                .isEqualTo(ERASED);
        assertThat(jdbc.queryForObject("SELECT display_name FROM account_view WHERE account_ref = ?", String.class, accountRef))
                .isEqualTo(ERASED);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account_credential WHERE account_ref = ?", Long.class, accountRef)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account_lookup WHERE email_normalized = ?", Long.class, email)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM session_view WHERE account_ref = ? AND device_name <> ?",
                Long.class, accountRef, ERASED)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM invitation_view WHERE email = ?", Long.class, email)).isZero();

        // Every reader of the ledger now sees "[erased]".
        Browser auditor = newAuditor();
        List<JsonNode> timeline = new ArrayList<>();
        for (String line : auditor.get("/v1/audit/accounts/" + accountRef + "/timeline").body().split("\n")) {
            if (!line.isBlank()) {
                timeline.add(JSON.readTree(line));
            }
        }
        JsonNode registered = timeline.get(0).get("payload");
        assertThat(registered.get("email").asText()).isEqualTo(ERASED);
        assertThat(registered.get("display_name").asText()).isEqualTo(ERASED);
        assertThat(timeline).extracting(event -> event.get("type").asText())
                .contains("AccountDeactivatedEvent", "AccountErasedEvent");
        assertThat(timeline.toString()).doesNotContain(email).doesNotContain(displayName).doesNotContain("Test iPhone");
        String stream = auditor.get("/v1/audit/events?type=BusinessInvitationIssuedEvent").body();
        assertThat(stream).doesNotContain(email).contains(ERASED);
        JsonNode then = auditor.get("/v1/audit/accounts/" + accountRef + "/state?at=" + beforeErasure).json();
        assertThat(then.get("state").asText()).isEqualTo("active");
        assertThat(then.get("email").asText()).isEqualTo(ERASED);
        assertThat(then.get("display_name").asText()).isEqualTo(ERASED);
        JsonNode now = auditor.get("/v1/audit/accounts/" + accountRef + "/state?at=" + Instant.now().plusSeconds(1)).json();
        assertThat(now.get("state").asText()).isEqualTo("deactivated");
        assertThat(staffSession(newAdmin()).get("/v1/admin/accounts/" + accountRef).json().get("email").asText()).isEqualTo(ERASED);

        // The chain over the stored bytes still verifies end to end.
        long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                jdbc.queryForObject("SELECT coalesce(max(position), 0) FROM ledger_chain", Long.class) >= head);
        Path export = Files.createTempFile("erased-ledger", ".ndjson");
        Files.writeString(export, auditor.get("/v1/audit/export").body());
        LedgerVerifier.Result verified = LedgerVerifier.verify(export, null, null);
        assertThat(verified.verified()).as(verified.report()).isTrue();
        assertThat(verified.lastPosition()).isGreaterThanOrEqualTo(head);

        // The address is free: a new person signs up with it and gets a new account.
        Browser newcomer = browser();
        String again = signUp(newcomer, email);
        assertThat(again).isNotEqualTo(accountRef);
        // The third mail to the address (after the first verification and the invitation).
        assertThat(newcomer.postJson("/v1/auth/email/verify", "{\"token\":\"" + mailbox.awaitVerificationToken(email, 3)
                + "\"}").status()).isEqualTo(200);
        assertThat(nativeLogIn(email).status()).isEqualTo(200);
    }

    @Test
    void anAdminErasesWithAReasonOnceAndNobodyElseMay() throws Exception {
        String email = uniqueEmail();
        String accountRef = signUpAndVerify(browser(), email);
        Browser admin = staffSession(newAdmin());
        Browser auditor = newAuditor();

        auditor.postJson("/v1/admin/accounts/" + accountRef + "/erase", "{\"reason\":\"data request\"}").assertProblem(403, "FORBIDDEN");
        browser().bearer(nativeLogIn(email).text("access_token"))
                .postJson("/v1/admin/accounts/" + accountRef + "/erase", "{\"reason\":\"data request\"}")
                .assertProblem(403, "CONTEXT_MISMATCH");
        admin.postJson("/v1/admin/accounts/acc_unknown/erase", "{\"reason\":\"data request\"}").assertProblem(404, "ACCOUNT_NOT_FOUND");
        admin.postJson("/v1/admin/accounts/" + accountRef + "/erase", "{}").assertProblem(400, "VALIDATION_FAILED");
        assertThat(erasures(accountRef)).isZero();

        assertThat(admin.postJson("/v1/admin/accounts/" + accountRef + "/erase", "{\"reason\":\"data request\"}").status())
                .isEqualTo(204);
        long events = eventCount(accountRef);
        assertThat(admin.postJson("/v1/admin/accounts/" + accountRef + "/erase", "{\"reason\":\"again\"}").status())
                .isEqualTo(204);

        assertThat(eventCount(accountRef)).isEqualTo(events);
        assertThat(erasures(accountRef)).isOne();
        String timeline = auditor.get("/v1/audit/accounts/" + accountRef + "/timeline").body();
        JsonNode erasure = timeline.lines().map(line -> {
            try {
                return JSON.readTree(line);
            } catch (Exception failure) {
                throw new IllegalStateException(failure);
            }
        }).filter(event -> event.get("type").asText().equals("AccountErasedEvent")).findFirst().orElseThrow();
        assertThat(erasure.get("payload").get("reason").asText()).isEqualTo("data request");
        assertThat(erasure.get("payload").get("actor_ref").asText()).isNotEqualTo(accountRef).startsWith("acc_");
        assertThat(timeline).doesNotContain(email);
        assertThat(nativeClient().postJson("/v1/auth/native/login", loginJson(email, PASSWORD)).status()).isEqualTo(401);
    }

    /**
     * Sign-ins racing the erasure: whichever commits first, no session of the account is live after it
     * (a sign-in that verified the password before the erasure cannot start a session after it).
     */
    @Test
    void noSignInRacingTheErasureOutlivesIt() throws Exception {
        String email = uniqueEmail();
        String accountRef = signUpAndVerify(browser(), email);
        Browser admin = staffSession(newAdmin());
        int signIns = 12;
        ExecutorService pool = Executors.newFixedThreadPool(signIns + 1);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<HttpAnswer>> logins = new ArrayList<>();
            for (int i = 0; i < signIns; i++) {
                int delay = i;
                logins.add(pool.submit(() -> {
                    start.await();
                    Thread.sleep(delay * 3L);
                    return nativeClient().postJson("/v1/auth/native/login", loginJson(email, PASSWORD));
                }));
            }
            Future<HttpAnswer> erasure = pool.submit(() -> {
                start.await();
                Thread.sleep(15);
                return admin.postJson("/v1/admin/accounts/" + accountRef + "/erase", "{\"reason\":\"race\"}");
            });
            start.countDown();
            assertThat(erasure.get().status()).isEqualTo(204);
            for (Future<HttpAnswer> login : logins) {
                HttpAnswer answer = login.get();
                assertThat(answer.status()).as(answer.body()).isIn(200, 401, 403);
                if (answer.status() == 200) {
                    browser().bearer(answer.text("access_token")).get("/v1/auth/me").assertProblem(401, "UNAUTHENTICATED");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM session_view WHERE account_ref = ? AND revoked_at IS NULL",
                Long.class, accountRef)).isZero();
        Long erasedAt = jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type LIKE '%.AccountErasedEvent'", Long.class, accountRef);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry e JOIN session_view s"
                + " ON s.session_id = e.aggregate_identifier WHERE s.account_ref = ? AND e.payload_type LIKE '%.SessionStartedEvent'"
                + " AND e.global_index > ?", Long.class, accountRef, erasedAt)).as("sessions started after the erasure").isZero();
    }
}
