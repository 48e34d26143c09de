package org.identityledger.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.identityledger.web.support.Browser;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rebuilding projections on the shared test ledger (everything the other tests wrote) while traffic
 * continues: the copy is proven equal to the live model before it takes its place, a live model that
 * differs from the ledger is reported and kept until the operator forces the swap, a rebuild whose
 * instance died leaves only a shadow the next one drops, and one rebuild per projection runs at a time.
 */
class ProjectionRebuildHttpTest extends IntegrationTest {

    private static final List<String> PROJECTIONS = List.of("sessions", "accounts", "authorization", "account-lookups",
            "staff-lookups");
    /** The advisory lock class of ProjectionRebuilder; the second key is the projection's number. */
    private static final int LOCK_CLASS = 0x50524a42;

    @Autowired
    private DataSource dataSource;

    private JsonNode awaitFinished(Browser admin, String name) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
            String state = admin.get("/v1/admin/projections/" + name).json().path("rebuild").path("state").asText();
            return state.equals("swapped") || state.equals("failed");
        });
        return admin.get("/v1/admin/projections/" + name).json();
    }

    /**
     * Earlier tests on the shared ledger set the clock forward, purged the sessions ended by then, and
     * set it back: those sessions are live again by the clock, though no longer in the live table (in
     * real time a purged session never lives again). A rebuild judged after all of them have ended
     * sees the ledger as it would be; this test's own sessions start at that later time.
     */
    static void pastEveryEarlierSession(org.identityledger.web.support.MutableClock clock) {
        clock.advance(java.time.Duration.ofDays(400));
    }

    @Test
    void everyProjectionIsListedLiveAtTheHead() {
        Browser admin = staffSession(newAdmin());
        JsonNode projections = admin.get("/v1/admin/projections").json().get("projections");
        assertThat(projections.findValuesAsText("name")).containsAll(PROJECTIONS);
        for (JsonNode projection : projections) {
            assertThat(projection.get("position").asLong()).isEqualTo(projection.get("head_position").asLong());
            assertThat(projection.get("lag_events").asLong()).isZero();
            assertThat(projection.has("lag_seconds")).isTrue();
        }
    }

    /**
     * Each projection rebuilt while sign-ins, refreshes and /me requests run: none of them fails or
     * reads a wrong answer, and the swap happens only with the rebuilt checksum equal to the live one.
     */
    @Test
    void aRebuildUnderTrafficSwapsInACopyEqualToTheLiveModel() throws Exception {
        pastEveryEarlierSession(clock);
        Browser admin = staffSession(newAdmin());
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String email = uniqueEmail();
            signUpAndVerify(browser(), email);
            emails.add(email);
        }
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger served = new AtomicInteger();
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        ExecutorService traffic = Executors.newFixedThreadPool(emails.size());
        List<Future<?>> clients = new ArrayList<>();
        for (String email : emails) {
            clients.add(traffic.submit(() -> {
                HttpAnswer login = nativeLogIn(email);
                String refreshToken = login.text("refresh_token");
                String accessToken = login.text("access_token");
                while (running.get()) {
                    HttpAnswer me = browser().bearer(accessToken).get("/v1/auth/me");
                    if (me.status() != 200 || !email.equals(me.text("email"))) {
                        failures.merge("me " + me.status(), 1, Integer::sum);
                    }
                    HttpAnswer refreshed = refresh(refreshToken);
                    if (refreshed.status() != 200) {
                        failures.merge("refresh " + refreshed.status(), 1, Integer::sum);
                        return null;
                    }
                    refreshToken = refreshed.text("refresh_token");
                    accessToken = refreshed.text("access_token");
                    served.addAndGet(2);
                }
                return null;
            }));
        }
        try {
            for (String name : PROJECTIONS) {
                HttpAnswer started = admin.post("/v1/admin/projections/" + name + "/rebuild");
                assertThat(started.status()).as(started.body()).isEqualTo(202);
                JsonNode finished = awaitFinished(admin, name);
                JsonNode rebuild = finished.get("rebuild");
                assertThat(rebuild.get("state").asText()).as(finished.toString()).isEqualTo("swapped");
                assertThat(rebuild.get("rebuilt_checksum").asText()).isEqualTo(rebuild.get("live_checksum").asText());
                assertThat(rebuild.get("processed").asLong()).isPositive().isEqualTo(rebuild.get("total").asLong());
                assertThat(rebuild.get("finished_at").asText()).isNotEmpty();
                assertThat(finished.get("status").asText()).isEqualTo("live");
            }
        } finally {
            running.set(false);
            for (Future<?> client : clients) {
                client.get();
            }
            traffic.shutdownNow();
        }
        assertThat(failures).as("requests that failed during the rebuilds").isEmpty();
        assertThat(served.get()).isPositive();
        assertThat(jdbc.queryForList("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'ledger\\_rebuild\\_%' OR nspname LIKE 'ledger\\_retired\\_%'",
                String.class)).as("shadow schemas left").isEmpty();
        // The swapped-in tables carry the live ones' index names, so later migrations find them.
        assertThat(jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE tablename = 'session_view'", String.class))
                .contains("session_view_pkey", "session_view_account", "session_view_expires");
    }

    @Test
    void aCorruptedLiveRowIsReportedAndOnlyAForcedSwapReplacesIt() {
        Browser admin = staffSession(newAdmin());
        String email = uniqueEmail();
        String accountRef = signUpAndVerify(browser(), email);
        jdbc.update("UPDATE account_view SET email = 'tampered@example.com' WHERE account_ref = ?", accountRef);

        assertThat(admin.post("/v1/admin/projections/accounts/rebuild").status()).isEqualTo(202);
        JsonNode refused = awaitFinished(admin, "accounts");
        assertThat(refused.get("rebuild").get("state").asText()).isEqualTo("failed");
        assertThat(refused.get("rebuild").get("reason").asText()).contains("checksum mismatch");
        assertThat(refused.get("rebuild").get("live_checksum").asText())
                .isNotEqualTo(refused.get("rebuild").get("rebuilt_checksum").asText());
        assertThat(refused.get("status").asText()).isEqualTo("failed");
        assertThat(jdbc.queryForObject("SELECT email FROM account_view WHERE account_ref = ?", String.class, accountRef))
                .as("the live model is left as it was").isEqualTo("tampered@example.com");

        assertThat(admin.postJson("/v1/admin/projections/accounts/rebuild", "{\"force\":true}").status()).isEqualTo(202);
        JsonNode forced = awaitFinished(admin, "accounts");
        assertThat(forced.get("rebuild").get("state").asText()).isEqualTo("swapped");
        assertThat(forced.get("rebuild").get("forced").asBoolean()).isTrue();
        assertThat(forced.get("status").asText()).isEqualTo("live");
        assertThat(jdbc.queryForObject("SELECT email FROM account_view WHERE account_ref = ?", String.class, accountRef))
                .isEqualTo(email);

        assertThat(admin.post("/v1/admin/projections/accounts/rebuild").status()).isEqualTo(202);
        JsonNode again = awaitFinished(admin, "accounts");
        assertThat(again.get("rebuild").get("state").asText()).as("the repaired model equals the ledger").isEqualTo("swapped");
        assertThat(again.get("rebuild").get("live_checksum").asText()).isEqualTo(again.get("rebuild").get("rebuilt_checksum").asText());
    }

    /** What a rebuild leaves when its instance dies: a shadow schema and a "running" record nobody holds the lock for. */
    @Test
    void aRebuildWhoseInstanceDiedLeavesTheLiveModelServingAndTheNextOneSucceeds() {
        Browser admin = staffSession(newAdmin());
        jdbc.execute("DROP SCHEMA IF EXISTS ledger_rebuild_authorization CASCADE");
        jdbc.execute("CREATE SCHEMA ledger_rebuild_authorization");
        jdbc.execute("CREATE TABLE ledger_rebuild_authorization.business_view (LIKE business_view)");
        jdbc.update("INSERT INTO projection_rebuild (name, state, processed, total, started_at) VALUES ('authorization', 'running',"
                + " 10, 100, now()) ON CONFLICT (name) DO UPDATE SET state = 'running', finished_at = NULL, reason = NULL");

        JsonNode interrupted = admin.get("/v1/admin/projections/authorization").json();
        assertThat(interrupted.get("status").asText()).isEqualTo("failed");
        assertThat(interrupted.get("rebuild").get("reason").asText()).startsWith("interrupted");
        assertThat(admin.get("/v1/admin/businesses").status()).as("the live model serves").isEqualTo(200);

        assertThat(admin.post("/v1/admin/projections/authorization/rebuild").status()).isEqualTo(202);
        assertThat(awaitFinished(admin, "authorization").get("rebuild").get("state").asText()).isEqualTo("swapped");
        assertThat(jdbc.queryForList("SELECT nspname FROM pg_namespace WHERE nspname = 'ledger_rebuild_authorization'", String.class)).isEmpty();
    }

    @Test
    void oneRebuildOfAProjectionAtATimeAcrossTheCluster() throws Exception {
        Browser admin = staffSession(newAdmin());
        // Another instance's rebuild is a session advisory lock held elsewhere: here, on a connection of the test's own.
        try (Connection elsewhere = dataSource.getConnection(); Statement statement = elsewhere.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + LOCK_CLASS + ", 1)");
            admin.post("/v1/admin/projections/sessions/rebuild").assertProblem(409, "REBUILD_IN_PROGRESS");
            statement.execute("SELECT pg_advisory_unlock(" + LOCK_CLASS + ", 1)");
        }
        admin.post("/v1/admin/projections/nothing-by-that-name/rebuild").assertProblem(404, "NOT_FOUND");
        admin.get("/v1/admin/projections/nothing-by-that-name").assertProblem(404, "NOT_FOUND");
        admin.postJson("/v1/admin/projections/sessions/rebuild", "{\"force\":\"perhaps\"}").assertProblem(400, "VALIDATION_FAILED");
        admin.postJson("/v1/admin/projections/sessions/rebuild", "{\"everything\":true}").assertProblem(400, "VALIDATION_FAILED");
    }

    @Test
    void onlyAdminsOperateProjections() {
        String email = uniqueEmail();
        String accountRef = signUpAndVerify(browser(), email);
        Browser customer = browser().bearer(nativeLogIn(email).text("access_token"));
        customer.get("/v1/admin/projections").assertProblem(403, "CONTEXT_MISMATCH");
        customer.post("/v1/admin/projections/sessions/rebuild").assertProblem(403, "CONTEXT_MISMATCH");
        Browser admin = staffSession(newAdmin());
        admin.postJson("/v1/admin/staff-grants", "{\"account_ref\":\"" + accountRef + "\",\"role\":\"auditor\"}");
        Browser auditor = staffSession(email);
        auditor.get("/v1/admin/projections").assertProblem(403, "FORBIDDEN");
        auditor.post("/v1/admin/projections/accounts/rebuild").assertProblem(403, "FORBIDDEN");
        browser().get("/v1/admin/projections").assertProblem(401, "UNAUTHENTICATED");
    }
}
