package org.identityledger.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.identityledger.web.support.Browser;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.identityledger.web.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged service under signup, login and refresh load is killed with SIGKILL, restarted on
 * the same data directory (its orphaned PostgreSQL is stopped and reused), and then: every request
 * that was answered 2xx before the kill is in the ledger, and the read models equal a replay of
 * the events.
 */
class CrashRecoveryIT {

    private static final int WORKERS = 4;
    private static final Duration LOAD = Duration.ofSeconds(6);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConcurrentLinkedQueue<String> acknowledgedAccounts = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> acknowledgedEmails = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> acknowledgedSessions = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> acknowledgedRefreshHashes = new ConcurrentLinkedQueue<>();

    @Test
    void everythingAcknowledgedBeforeASigkillIsThereAfterARestart() throws Exception {
        ServiceProcess service = new ServiceProcess(Path.of("target", "it-data", "crash-" + UUID.randomUUID()),
                "--identity.abuse.enabled=false");
        service.start();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            Thread worker = new Thread(() -> load(service.baseUrl(), running), "load-" + i);
            worker.start();
            workers.add(worker);
        }
        Thread.sleep(LOAD.toMillis());

        service.kill();
        running.set(false);
        for (Thread worker : workers) {
            worker.join(30_000);
        }
        System.out.printf("acknowledged before SIGKILL: %d signups, %d sessions, %d refreshes%n",
                acknowledgedAccounts.size(), acknowledgedSessions.size(), acknowledgedRefreshHashes.size());
        assertThat(acknowledgedAccounts).as("the load did something before the kill").isNotEmpty();

        Duration restart = service.start();
        System.out.println("restart after SIGKILL took " + restart.toMillis() + " ms");
        try {
            JdbcTemplate jdbc = jdbc(service.jdbcUrl());
            for (String accountRef : acknowledgedAccounts) {
                assertThat(jdbc.queryForObject("SELECT count(*) FROM account_view WHERE account_ref = ?", Long.class, accountRef))
                        .as("acknowledged signup %s", accountRef).isEqualTo(1);
            }
            for (String sessionId : acknowledgedSessions) {
                assertThat(jdbc.queryForObject("SELECT count(*) FROM session_view WHERE session_id = ?", Long.class, sessionId))
                        .as("acknowledged session %s", sessionId).isEqualTo(1);
            }
            for (String refreshHash : acknowledgedRefreshHashes) {
                assertThat(jdbc.queryForObject("SELECT count(*) FROM refresh_token_lookup WHERE token_hash = ?", Long.class, refreshHash))
                        .as("acknowledged refresh").isEqualTo(1);
            }
            readModelsEqualAReplay(jdbc);

            Browser after = new Browser(service.baseUrl()).withCsrf();
            String email = acknowledgedEmails.peek();
            assertThat(after.postJson("/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\""
                    + IntegrationTest.PASSWORD + "\"}").status()).isEqualTo(200);
        } finally {
            assertThat(service.stop()).as("SIGTERM stops cleanly").isIn(0, 143);
        }
    }

    private void load(String baseUrl, AtomicBoolean running) {
        while (running.get()) {
            try {
                Browser browser = new Browser(baseUrl).withCsrf();
                String email = "crash-" + UUID.randomUUID() + "@example.com";
                String credentials = "{\"email\":\"" + email + "\",\"password\":\"" + IntegrationTest.PASSWORD + "\"}";
                HttpAnswer signup = browser.postJson("/v1/auth/signup", credentials);
                if (signup.status() == 201) {
                    acknowledgedAccounts.add(signup.text("account_ref"));
                    acknowledgedEmails.add(email);
                }
                HttpAnswer login = browser.postJson("/v1/auth/login", credentials);
                if (login.status() == 200) {
                    acknowledgedSessions.add(login.json().path("session").path("session_id").asText());
                }
                HttpAnswer tokens = new Browser(baseUrl).postJson("/v1/auth/native/login", credentials);
                if (tokens.status() != 200) {
                    continue;
                }
                acknowledgedSessions.add(tokens.text("session_id"));
                String refreshToken = tokens.text("refresh_token");
                for (int rotation = 0; rotation < 5 && running.get(); rotation++) {
                    HttpAnswer refreshed = new Browser(baseUrl).postJson("/v1/auth/native/refresh",
                            "{\"refresh_token\":\"" + refreshToken + "\"}");
                    if (refreshed.status() != 200) {
                        break;
                    }
                    refreshToken = refreshed.text("refresh_token");
                    acknowledgedRefreshHashes.add(sha256(refreshToken));
                }
            } catch (RuntimeException killed) {
                // The service is gone mid-request: that request was never acknowledged.
                return;
            }
        }
    }

    /** Folds the event stream into the states the read models claim, and compares both ways. */
    private static void readModelsEqualAReplay(JdbcTemplate jdbc) throws Exception {
        Map<String, String> accountStates = new HashMap<>();
        Map<String, Boolean> sessionRevoked = new HashMap<>();
        for (Map<String, Object> row : jdbc.queryForList("SELECT payload_type, convert_from(payload, 'UTF8') AS payload"
                + " FROM domain_event_entry ORDER BY global_index")) {
            String type = ((String) row.get("payload_type")).replaceAll(".*\\.", "");
            JsonNode event = JSON.readTree((String) row.get("payload"));
            switch (type) {
                case "AccountRegisteredEvent" -> accountStates.put(event.path("account_ref").asText(), "pending_verification");
                case "EmailVerifiedEvent" -> accountStates.put(event.path("account_ref").asText(), "active");
                case "AccountSuspendedEvent" -> accountStates.put(event.path("account_ref").asText(), "suspended");
                case "AccountDeactivatedEvent" -> accountStates.put(event.path("account_ref").asText(), "deactivated");
                case "SessionStartedEvent" -> sessionRevoked.put(event.path("session_id").asText(), false);
                case "SessionRevokedEvent" -> sessionRevoked.put(event.path("session_id").asText(), true);
                default -> {
                    // rotations and token issues do not change these two views' compared columns
                }
            }
        }
        Map<String, String> accountView = jdbc.queryForList("SELECT account_ref, state FROM account_view").stream()
                .collect(Collectors.toMap(row -> (String) row.get("account_ref"), row -> (String) row.get("state")));
        Map<String, Boolean> sessionView = jdbc.queryForList("SELECT session_id, revoked_at IS NOT NULL AS revoked FROM session_view")
                .stream().collect(Collectors.toMap(row -> (String) row.get("session_id"), row -> (Boolean) row.get("revoked")));
        assertThat(accountView).as("account_view equals the replay").isEqualTo(accountStates);
        assertThat(sessionView).as("session_view equals the replay").isEqualTo(sessionRevoked);
        Set<String> lookups = Set.copyOf(jdbc.queryForList("SELECT account_ref FROM account_lookup", String.class));
        assertThat(lookups).as("account_lookup equals the replay").isEqualTo(accountStates.keySet());
        System.out.printf("replay of %d accounts and %d sessions matches the read models%n",
                accountStates.size(), sessionRevoked.size());
    }

    private static JdbcTemplate jdbc(String url) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        return new JdbcTemplate(dataSource);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
