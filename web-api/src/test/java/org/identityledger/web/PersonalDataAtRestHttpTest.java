package org.identityledger.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.identityledger.web.support.Browser;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored form holds no personal datum and no credential derivative in clear: after a history that
 * writes every kind of marked field (signup with a display name, verification, browser and native
 * sign-ins with device names, refresh, a password reset, an invitation), the raw event and snapshot
 * tables and the auditor's export contain none of the values, while the decoded stream still reads
 * them (the readers open what the writer sealed).
 */
class PersonalDataAtRestHttpTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theEventTableTheSnapshotsAndTheExportHoldNoPersonalDatumOrCredentialInClear() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String email = "rest-" + marker + "@example.com";
        String displayName = "Ada Lovelace " + marker;
        String deviceName = "Ada's phone " + marker;
        Browser browser = browser();
        HttpAnswer signup = browser.postJson("/v1/auth/signup", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                + "\",\"display_name\":\"" + displayName + "\"}");
        assertThat(signup.status()).as(signup.body()).isEqualTo(201);
        String accountRef = signup.text("account_ref");
        String verification = mailbox.awaitVerificationToken(email, 1);
        assertThat(browser.postJson("/v1/auth/email/verify", "{\"token\":\"" + verification + "\"}").status()).isEqualTo(200);
        assertThat(logIn(browser(), email).status()).isEqualTo(200);
        HttpAnswer phone = nativeClient().postJson("/v1/auth/native/login", "{\"email\":\"" + email + "\",\"password\":\""
                + PASSWORD + "\",\"device_name\":\"" + deviceName + "\"}");
        assertThat(phone.status()).as(phone.body()).isEqualTo(200);
        String firstRefresh = phone.text("refresh_token");
        String secondRefresh = refresh(firstRefresh).text("refresh_token");
        assertThat(browser().postJson("/v1/auth/password/reset-request", "{\"email\":\"" + email + "\"}").status()).isEqualTo(202);
        String reset = mailbox.awaitResetLink(email, 2).group(2);
        assertThat(browser().postJson("/v1/auth/password/reset", "{\"token\":\"" + reset
                + "\",\"new_password\":\"another passphrase " + marker + "\"}").status()).isEqualTo(204);
        String invitee = "invitee-" + marker + "@example.com";
        Browser owner = browser().bearer(nativeClient().postJson("/v1/auth/native/login", "{\"email\":\"" + email
                + "\",\"password\":\"another passphrase " + marker + "\"}").text("access_token"));
        String businessId = owner.postJson("/v1/account/businesses", "{\"name\":\"Rest\",\"handle\":\"rest-" + marker + "\"}")
                .text("business_id");
        Browser team = browser().bearer(nativeClient().postJson("/v1/auth/native/login", "{\"email\":\"" + email
                + "\",\"password\":\"another passphrase " + marker + "\",\"context\":\"business\",\"business_id\":\""
                + businessId + "\"}").text("access_token"));
        assertThat(team.postJson("/v1/businesses/" + businessId + "/invitations", "{\"email\":\"" + invitee
                + "\",\"role\":\"member\"}").status()).isEqualTo(201);
        String passwordHash = jdbc.queryForObject("SELECT password_hash FROM account_credential WHERE account_ref = ?",
                String.class, accountRef);

        List<String> secrets = List.of(email, displayName, deviceName, invitee, passwordHash, sha256(verification),
                sha256(firstRefresh), sha256(secondRefresh), sha256(reset));
        String events = String.join("\n", jdbc.queryForList(
                "SELECT convert_from(payload, 'UTF8') FROM domain_event_entry", String.class));
        String snapshots = String.join("\n", jdbc.queryForList(
                "SELECT convert_from(payload, 'UTF8') FROM snapshot_event_entry", String.class));
        for (String secret : secrets) {
            assertThat(events).as("the event table").doesNotContainIgnoringCase(secret);
            assertThat(snapshots).as("the snapshot table").doesNotContainIgnoringCase(secret);
        }
        assertThat(jdbc.queryForList("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type LIKE '%AccountRegisteredEvent'", String.class, accountRef))
                .singleElement().asString().contains("\"email\":\"sealed:v1:");

        Browser auditor = newAuditor();
        HttpAnswer export = auditor.get("/v1/audit/export");
        assertThat(export.status()).isEqualTo(200);
        StringBuilder exported = new StringBuilder();
        for (String line : export.body().split("\n")) {
            if (!line.isBlank()) {
                exported.append(new String(Base64.getDecoder().decode(JSON.readTree(line).get("payload_base64").asText()),
                        StandardCharsets.UTF_8)).append('\n');
            }
        }
        for (String secret : secrets) {
            assertThat(exported.toString()).as("the export").doesNotContainIgnoringCase(secret);
            assertThat(export.body()).doesNotContainIgnoringCase(secret);
        }

        HttpAnswer timeline = auditor.get("/v1/audit/accounts/" + accountRef + "/timeline");
        JsonNode registered = JSON.readTree(timeline.body().lines().findFirst().orElseThrow());
        assertThat(registered.get("payload").get("email").asText()).isEqualTo(email);
        assertThat(registered.get("payload").get("display_name").asText()).isEqualTo(displayName);
        assertThat(timeline.body()).contains(deviceName).doesNotContain(sha256(firstRefresh));
        assertThat(auditor.get("/v1/audit/events?type=BusinessInvitationIssuedEvent").body()).contains(invitee);
    }

    static String sha256(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> lines(String body) {
        List<String> lines = new ArrayList<>();
        body.lines().filter(line -> !line.isBlank()).forEach(lines::add);
        return lines;
    }
}
