package org.identityledger.web;

import org.identityledger.web.support.Browser;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.identityledger.web.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rebuild whose instance dies: a second instance (the packaged jar's rebuild command, against the
 * service's PostgreSQL) is killed with SIGKILL in the middle of rebuilding the sessions. The service
 * keeps answering from the live model all along, the advisory lock went with the dead session, and
 * the next rebuild drops the shadow that was left and succeeds.
 */
class RebuildCrashIT {

    /** Events no projection handles, streamed all the same: enough that a rebuild runs for seconds. */
    private static final int FILLER_EVENTS = 400_000;

    @Test
    void killingTheInstanceMidRebuildLeavesTheLiveModelServingAndTheNextRebuildSucceeds() throws Exception {
        ServiceProcess service = new ServiceProcess(Path.of("target", "it-data", "rebuild-crash-" + UUID.randomUUID()),
                "--identity.abuse.enabled=false");
        service.start();
        try {
            PGSimpleDataSource database = new PGSimpleDataSource();
            database.setURL(service.jdbcUrl());
            JdbcTemplate jdbc = new JdbcTemplate(database);
            String email = "crash-" + UUID.randomUUID() + "@example.com";
            Browser browser = new Browser(service.baseUrl()).withCsrf();
            assertThat(browser.postJson("/v1/auth/signup", "{\"email\":\"" + email + "\",\"password\":\""
                    + IntegrationTest.PASSWORD + "\"}").status()).isEqualTo(201);
            HttpAnswer login = new Browser(service.baseUrl()).postJson("/v1/auth/native/login", "{\"email\":\"" + email
                    + "\",\"password\":\"" + IntegrationTest.PASSWORD + "\"}");
            Browser app = new Browser(service.baseUrl()).bearer(login.text("access_token"));
            String before = app.get("/v1/auth/me").body();
            jdbc.update("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,"
                    + " payload_type, payload_revision, payload, meta_data) SELECT md5(i::text), 'filler-' || i, 0, 'Filler',"
                    + " '2026-12-06T00:00:00Z', 'org.identityledger.test.Filler', null, '{}'::bytea, '{}'::bytea"
                    + " FROM generate_series(1, ?) i", FILLER_EVENTS);

            Process doomed = rebuild(service, "doomed");
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> !jdbc.queryForList(
                    "SELECT 1 FROM projection_rebuild WHERE name = 'sessions' AND state = 'running' AND processed > 0").isEmpty());
            doomed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

            assertThat(jdbc.queryForList("SELECT nspname FROM pg_namespace WHERE nspname = 'ledger_rebuild_sessions'", String.class))
                    .as("the dead instance left its shadow").isNotEmpty();
            assertThat(app.get("/v1/auth/me").body()).as("the live model serves as before").isEqualTo(before);
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList("SELECT 1 FROM pg_locks WHERE locktype = 'advisory'"
                    + " AND CAST(objid AS bigint) = 1 AND objsubid = 2").isEmpty());

            Process next = rebuild(service, "next");
            assertThat(next.waitFor(180, TimeUnit.SECONDS)).isTrue();
            String output = Files.readString(service.dataDir().resolve("rebuild-next.log"));
            assertThat(next.exitValue()).as(output).isZero();
            assertThat(output).contains("rebuilt sessions: swapped");
            assertThat(jdbc.queryForList("SELECT nspname FROM pg_namespace WHERE nspname = 'ledger_rebuild_sessions'", String.class)).isEmpty();
            assertThat(app.get("/v1/auth/me").body()).isEqualTo(before);
        } finally {
            service.stop();
        }
    }

    private static Process rebuild(ServiceProcess service, String name) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m", "-jar",
                System.getProperty("ledger.jar", "target/identity-ledger.jar"), "rebuild", "sessions",
                "--spring.datasource.url=" + service.jdbcUrl(), "--identity.data-dir=" + service.dataDir(),
                "--identity.abuse.enabled=false"));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(service.dataDir().resolve("rebuild-" + name + ".log").toFile()).start();
    }
}
