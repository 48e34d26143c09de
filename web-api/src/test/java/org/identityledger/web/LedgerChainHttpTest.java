package org.identityledger.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.identityledger.VerifyLedgerCommand;
import org.identityledger.infrastructure.ledger.LedgerCheckpoints;
import org.identityledger.infrastructure.ledger.LedgerVerifier;
import org.identityledger.web.support.Browser;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hash chain on the shared ledger: every committed event sealed once, in position order, within
 * seconds; holes of rolled-back inserts skipped, in-flight ones waited for; the export verifies with
 * the shipped verifier and with a check written here from the contract's two lines alone; a signed
 * checkpoint verifies against the published keys, one signed with another key does not.
 */
class LedgerChainHttpTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private LedgerCheckpoints checkpoints;
    @Autowired
    private DataSource dataSource;

    private long head() {
        return jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
    }

    private void awaitSealedUpTo(long position) {
        await().atMost(Duration.ofSeconds(10)).until(() ->
                jdbc.queryForObject("SELECT coalesce(max(position), 0) FROM ledger_chain", Long.class) >= position);
    }

    private Path export(Browser auditor) throws Exception {
        HttpAnswer export = auditor.get("/v1/audit/export");
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/x-ndjson");
        Path file = Files.createTempFile("ledger-export", ".ndjson");
        Files.writeString(file, export.body());
        return file;
    }

    @Test
    void everyCommittedEventIsSealedInOrderAndTheExportVerifiesTwoWays() throws Exception {
        Browser auditor = newAuditor();
        long head = head();

        awaitSealedUpTo(head);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_chain c JOIN domain_event_entry e ON e.global_index = c.position"
                + " WHERE c.position <= ?", Long.class, head)).isEqualTo(jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE global_index <= ?", Long.class, head));
        Path file = export(auditor);
        LedgerVerifier.Result result = LedgerVerifier.verify(file, null, null);
        assertThat(result.verified()).as(result.report()).isTrue();
        assertThat(result.lastPosition()).isGreaterThanOrEqualTo(head);
        assertThat(independentlyVerified(file)).isEqualTo(result.events());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(VerifyLedgerCommand.run(new String[] {"--export", file.toString()}, new PrintStream(out), System.err)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("verified " + result.events() + " events up to position ");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM security_log WHERE type = 'audit_read' AND detail LIKE 'export%'",
                Long.class)).isPositive();
    }

    /** The contract's two lines, written again here without any production code. */
    private static long independentlyVerified(Path export) throws Exception {
        String previous = "0".repeat(64);
        long lines = 0;
        for (String line : Files.readAllLines(export)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode entry = JSON.readTree(line);
            String payloadSha256 = sha256(Base64.getDecoder().decode(entry.get("payload_base64").asText()));
            String revision = entry.get("revision").isNull() ? "" : entry.get("revision").asText();
            String hash = sha256((previous + "|" + entry.get("position").asLong() + "|" + entry.get("event_id").asText() + "|"
                    + entry.get("type").asText() + "|" + revision + "|" + entry.get("aggregate_id").asText() + "|"
                    + entry.get("sequence").asLong() + "|" + entry.get("timestamp").asText() + "|" + payloadSha256)
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(entry.get("prev_hash").asText()).as("link at %s", entry.get("position")).isEqualTo(previous);
            assertThat(hash).as("hash at %s", entry.get("position")).isEqualTo(entry.get("hash").asText());
            previous = hash;
            lines++;
        }
        return lines;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void aCheckpointVerifiesAgainstThePublishedKeysAndAForeignOneIsRefused() throws Exception {
        Browser auditor = newAuditor();
        awaitSealedUpTo(head());
        checkpoints.checkpoint();
        Path file = export(auditor);
        HttpAnswer latest = auditor.get("/v1/audit/checkpoints/latest");
        assertThat(latest.status()).isEqualTo(200);
        Path checkpoint = Files.createTempFile("checkpoint", ".json");
        Files.writeString(checkpoint, latest.body());
        Path jwks = Files.createTempFile("jwks", ".json");
        Files.writeString(jwks, browser().get("/.well-known/jwks.json").body());

        LedgerVerifier.Result verified = LedgerVerifier.verify(file, checkpoint, jwks);
        assertThat(verified.verified()).as(verified.report()).isTrue();
        assertThat(verified.report()).contains("checkpoint at position " + latest.json().get("position").asLong() + " verified");

        ECKey foreign = new ECKeyGenerator(Curve.P_256).keyID(JWSObject.parse(latest.text("jws")).getHeader().getKeyID()).generate();
        JWSObject forged = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(foreign.getKeyID()).build(),
                new Payload("{\"position\":" + latest.json().get("position").asLong() + ",\"hash\":\"" + latest.text("hash")
                        + "\",\"signed_at\":\"" + latest.text("signed_at") + "\"}"));
        forged.sign(new ECDSASigner(foreign));
        Path forgedCheckpoint = Files.createTempFile("forged", ".json");
        Files.writeString(forgedCheckpoint, "{\"position\":" + latest.json().get("position").asLong() + ",\"hash\":\""
                + latest.text("hash") + "\",\"jws\":\"" + forged.serialize() + "\"}");
        LedgerVerifier.Result refused = LedgerVerifier.verify(file, forgedCheckpoint, jwks);
        assertThat(refused.verified()).isFalse();
        assertThat(refused.reason()).startsWith("checkpoint signature bad");
        assertThat(VerifyLedgerCommand.run(new String[] {"--export", file.toString(), "--checkpoint", forgedCheckpoint.toString(),
                "--jwks", jwks.toString()}, System.out, new PrintStream(new ByteArrayOutputStream()))).isEqualTo(1);
    }

    @Test
    void aRolledBackInsertLeavesAHoleTheChainStepsOverAndAnInFlightOneIsWaitedFor() throws Exception {
        // A rolled-back insert: its position is drawn and never committed.
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            insertProbe(connection);
            connection.rollback();
        }
        // An insert still in flight while later events commit.
        Connection inFlight = dataSource.getConnection();
        inFlight.setAutoCommit(false);
        long held = insertProbe(inFlight);
        signUp(browser(), uniqueEmail());
        long later = head();
        assertThat(later).isGreaterThan(held);

        Thread.sleep(2_500);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_chain WHERE position > ?", Long.class, held))
                .as("nothing after an in-flight position is sealed before it commits").isZero();

        inFlight.commit();
        inFlight.close();
        awaitSealedUpTo(later);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_chain WHERE position = ?", Long.class, held)).isOne();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_chain c WHERE NOT EXISTS"
                + " (SELECT 1 FROM domain_event_entry e WHERE e.global_index = c.position)", Long.class)).isZero();
    }

    /** An event no handler knows, inserted the way the event store inserts; answers its position. */
    private static long insertProbe(Connection connection) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO domain_event_entry (event_identifier,"
                + " aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)"
                + " VALUES (?, ?, 0, 'Probe', '2026-11-24T00:00:00Z', 'org.identityledger.test.GapProbe', null, ?, '{}'::bytea)"
                + " RETURNING global_index")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, "probe-" + UUID.randomUUID());
            insert.setBytes(3, "{}".getBytes(StandardCharsets.UTF_8));
            var result = insert.executeQuery();
            result.next();
            return result.getLong(1);
        }
    }

    private static java.util.List<JsonNode> lines(HttpAnswer answer) throws Exception {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/x-ndjson");
        java.util.List<JsonNode> lines = new java.util.ArrayList<>();
        for (String line : answer.body().split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    @Test
    void theDecodedStreamShowsAnAccountsHistoryWithActorsAndNeverACredential() throws Exception {
        Browser auditor = newAuditor();
        String admin = newAdmin();
        String email = uniqueEmail();
        String accountRef = signUpAndVerify(browser(), email);
        assertThat(staffSession(admin).postJson("/v1/admin/accounts/" + accountRef + "/suspend", "{\"reason\":\"audit test\"}")
                .status()).isEqualTo(200);

        java.util.List<JsonNode> history = lines(auditor.get("/v1/audit/events?account_ref=" + accountRef));

        assertThat(history).extracting(line -> line.get("type").asText())
                .contains("AccountRegisteredEvent", "VerificationTokenIssuedEvent", "EmailVerifiedEvent", "AccountSuspendedEvent");
        assertThat(history).extracting(line -> line.get("position").asLong()).isSorted().doesNotHaveDuplicates();
        JsonNode registered = history.stream().filter(line -> line.get("type").asText().equals("AccountRegisteredEvent")).findFirst()
                .orElseThrow();
        assertThat(registered.get("payload").get("email").asText()).isEqualTo(email);
        assertThat(registered.get("aggregate_id").asText()).isEqualTo(accountRef);
        JsonNode token = history.stream().filter(line -> line.get("type").asText().equals("VerificationTokenIssuedEvent")).findFirst()
                .orElseThrow();
        assertThat(token.get("payload").get("token_hash").asText()).isEqualTo("[redacted]");
        JsonNode suspended = history.stream().filter(line -> line.get("type").asText().equals("AccountSuspendedEvent")).findFirst()
                .orElseThrow();
        assertThat(suspended.get("actor_ref").asText()).isEqualTo(jdbc.queryForObject(
                "SELECT account_ref FROM account_view WHERE email = ?", String.class, admin));

        long second = history.get(1).get("position").asLong();
        java.util.List<JsonNode> resumed = lines(auditor.get("/v1/audit/events?account_ref=" + accountRef + "&after=" + second));
        assertThat(resumed.get(0).get("position").asLong()).isEqualTo(history.get(2).get("position").asLong());
        assertThat(lines(auditor.get("/v1/audit/events?type=AccountSuspendedEvent&account_ref=" + accountRef + "&limit=1")))
                .hasSize(1);
        assertThat(lines(auditor.get("/v1/audit/accounts/" + accountRef + "/timeline"))).extracting(line -> line.get("event_id").asText())
                .isEqualTo(history.stream().map(line -> line.get("event_id").asText()).toList());
        auditor.get("/v1/audit/events?after=-1").assertProblem(400, "VALIDATION_FAILED");
        auditor.get("/v1/audit/events?from=yesterday").assertProblem(400, "VALIDATION_FAILED");
    }

    @Test
    void theLedgerRoutesServeAuditorsOnly() {
        String admin = newAdmin();
        Browser adminOnly = staffSession(admin);
        Browser customer = browser().bearer(nativeLogIn(admin).text("access_token"));

        for (String route : new String[] {"/v1/audit/export", "/v1/audit/checkpoints/latest", "/v1/audit/events",
                "/v1/audit/accounts/acc_x/timeline"}) {
            adminOnly.get(route).assertProblem(403, "FORBIDDEN");
            customer.get(route).assertProblem(403, "CONTEXT_MISMATCH");
            browser().get(route).assertProblem(401, "UNAUTHENTICATED");
        }
    }
}
