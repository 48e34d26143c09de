package org.identityledger.web;

import org.identityledger.IdentityLedgerApplication;
import org.identityledger.infrastructure.ledger.LedgerVerifier;
import org.identityledger.web.support.Browser;
import org.identityledger.web.support.IntegrationTest;
import org.identityledger.web.support.StandaloneService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Whoever holds the database can change the event table; the verifier must notice. Each case runs
 * in a fresh ledger: some history, sealed, then one tampering straight in the table, then an
 * export: the verifier names the first bad position and what happened there.
 */
class LedgerTamperingTest {

    private record Ledger(ConfigurableApplicationContext service, JdbcTemplate jdbc, List<Long> positions) {
    }

    private static Ledger freshSealedLedger() {
        Path dataDir = Path.of("target", "it-data", "tamper-" + UUID.randomUUID()).toAbsolutePath();
        ConfigurableApplicationContext service = new SpringApplicationBuilder(IdentityLedgerApplication.class).run(
                "--server.port=0", "--identity.data-dir=" + dataDir, "--identity.public-base-url=http://localhost:8080",
                "--identity.mail.poll-interval=100ms", "--identity.abuse.enabled=false");
        Browser browser = new Browser(StandaloneService.baseUrl(service)).withCsrf();
        for (int i = 0; i < 4; i++) {
            assertThat(browser.postJson("/v1/auth/signup", "{\"email\":\"tamper-" + UUID.randomUUID().toString().substring(0, 8)
                    + "@example.com\",\"password\":\"" + IntegrationTest.PASSWORD + "\"}").status()).isEqualTo(201);
        }
        JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
        long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        await().atMost(Duration.ofSeconds(15)).until(() ->
                jdbc.queryForObject("SELECT coalesce(max(position), 0) FROM ledger_chain", Long.class) >= head);
        return new Ledger(service, jdbc, jdbc.queryForList("SELECT position FROM ledger_chain ORDER BY position", Long.class));
    }

    private static LedgerVerifier.Result tamperThenVerify(Consumer<Ledger> tampering) throws IOException {
        Ledger ledger = freshSealedLedger();
        try (ConfigurableApplicationContext ignored = ledger.service()) {
            LedgerVerifier.Result before = verify(ledger);
            assertThat(before.verified()).as(before.report()).isTrue();
            tampering.accept(ledger);
            return verify(ledger);
        }
    }

    private static LedgerVerifier.Result verify(Ledger ledger) throws IOException {
        Path file = Files.createTempFile("tampered", ".ndjson");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            ledger.service().getBean(org.identityledger.command.port.LedgerHistory.class).export(0, null, line -> {
                try {
                    out.write("{\"position\":" + line.position() + ",\"event_id\":\"" + line.eventId() + "\",\"type\":\"" + line.type()
                            + "\",\"revision\":" + (line.revision() == null ? "null" : "\"" + line.revision() + "\"")
                            + ",\"aggregate_id\":\"" + line.aggregateId() + "\",\"sequence\":" + line.sequence()
                            + ",\"timestamp\":\"" + line.timestamp() + "\",\"payload_base64\":\""
                            + Base64.getEncoder().encodeToString(line.payload()) + "\",\"payload_sha256\":\"" + line.payloadSha256()
                            + "\",\"prev_hash\":\"" + line.prevHash() + "\",\"hash\":\"" + line.hash() + "\"}\n");
                } catch (IOException failed) {
                    throw new UncheckedIOException(failed);
                }
            });
        }
        return LedgerVerifier.verify(file, null, null);
    }

    @Test
    void oneChangedPayloadByteIsNamedAtItsPosition() throws IOException {
        long[] target = new long[1];
        LedgerVerifier.Result result = tamperThenVerify(ledger -> {
            target[0] = ledger.positions().get(2);
            ledger.jdbc().update("UPDATE domain_event_entry SET payload = overlay(payload placing '\\x20'::bytea from 2 for 1)"
                    + " WHERE global_index = ?", target[0]);
        });

        assertThat(result.verified()).isFalse();
        assertThat(result.failedPosition()).isEqualTo(target[0]);
        assertThat(result.reason()).startsWith("payload altered");
    }

    @Test
    void aDeletedEventIsNamedWhereTheChainBreaks() throws IOException {
        long[] next = new long[1];
        LedgerVerifier.Result result = tamperThenVerify(ledger -> {
            next[0] = ledger.positions().get(3);
            ledger.jdbc().update("DELETE FROM domain_event_entry WHERE global_index = ?", ledger.positions().get(2));
        });

        assertThat(result.verified()).isFalse();
        assertThat(result.failedPosition()).isEqualTo(next[0]);
        assertThat(result.reason()).startsWith("event removed");
    }

    @Test
    void twoSwappedEventsAreNamedAsAChangedOrder() throws IOException {
        long[] first = new long[1];
        long[] second = new long[1];
        LedgerVerifier.Result result = tamperThenVerify(ledger -> {
            first[0] = ledger.positions().get(1);
            second[0] = ledger.positions().get(3);
            ledger.jdbc().update("UPDATE domain_event_entry SET global_index = -1 WHERE global_index = ?", first[0]);
            ledger.jdbc().update("UPDATE domain_event_entry SET global_index = ? WHERE global_index = ?", first[0], second[0]);
            ledger.jdbc().update("UPDATE domain_event_entry SET global_index = ? WHERE global_index = -1", second[0]);
        });

        assertThat(result.verified()).isFalse();
        assertThat(result.failedPosition()).isEqualTo(first[0]);
        assertThat(result.reason()).isEqualTo("order changed: the event sealed at position " + first[0]
                + " is now at position " + second[0]);
    }
}
