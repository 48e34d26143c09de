package org.identityledger.web;

import org.identityledger.web.support.Browser;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What an auditor checks first: no large objects, and no secret anywhere a query can reach. */
class LedgerHygieneTest extends IntegrationTest {

    @Test
    void noColumnAnywhereIsALargeObject() {
        assertThat(jdbc.queryForList("SELECT table_name || '.' || column_name FROM information_schema.columns"
                + " WHERE table_schema = 'public' AND (data_type = 'oid' OR udt_name IN ('oid', 'lo'))", String.class))
                .isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_largeobject_metadata", Long.class)).isZero();
    }

    @Test
    void noPasswordOrRawTokenIsStoredInAnyEventOrTable() {
        Browser browser = browser();
        String email = uniqueEmail();
        String password = "an unforgettable but unique passphrase " + email;
        browser.postJson("/v1/auth/signup", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        String verificationToken = mailbox.awaitVerificationToken(email, 1);
        browser.postJson("/v1/auth/email/verify", "{\"token\":\"" + verificationToken + "\"}");
        browser.postJson("/v1/auth/login", loginJson(email, password));
        String sessionSecret = browser.cookie("ledger_session").orElseThrow();
        // The outbox holds a raw token only until delivery; wait for it to drain.
        await().atMost(Duration.ofSeconds(20)).until(() ->
                jdbc.queryForObject("SELECT count(*) FROM mail_outbox", Long.class) == 0);

        for (String secret : List.of(password, verificationToken, sessionSecret)) {
            assertThat(tablesContaining(secret)).as("tables holding a raw secret").isEmpty();
        }
        String accountRef = jdbc.queryForObject("SELECT account_ref FROM account_lookup WHERE email_normalized = ?",
                String.class, email);
        assertThat(jdbc.queryForObject("SELECT password_hash FROM account_credential WHERE account_ref = ?", String.class,
                accountRef)).as("the password is kept as an Argon2id PHC string").startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    }

    @Test
    void noPasswordHashEverEntersTheLedger() {
        Browser browser = browser();
        String email = uniqueEmail();
        browser.postJson("/v1/auth/signup", signupJson(email));
        browser.postJson("/v1/auth/password/reset-request", "{\"email\":\"" + email + "\"}");
        String resetToken = mailbox.awaitResetLink(email, 2).group(2);
        browser.postJson("/v1/auth/password/reset", "{\"token\":\"" + resetToken + "\",\"new_password\":\"another fine passphrase\"}");
        String accountRef = jdbc.queryForObject("SELECT account_ref FROM account_lookup WHERE email_normalized = ?",
                String.class, email);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type LIKE '%.PasswordChangedEvent'", Long.class, accountRef)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND (position(convert_to('$argon2', 'UTF8') in payload) > 0"
                + " OR position(convert_to('password_hash', 'UTF8') in payload) > 0)", Long.class, accountRef)).isZero();
        assertThat(jdbc.queryForObject("SELECT credential_version FROM account_credential WHERE account_ref = ?", Long.class,
                accountRef)).isEqualTo(2);
    }

    private List<String> tablesContaining(String secret) {
        List<Map<String, Object>> columns = jdbc.queryForList("SELECT table_name, column_name, data_type"
                + " FROM information_schema.columns WHERE table_schema = 'public'");
        return columns.stream().filter(column -> {
            String table = (String) column.get("table_name");
            String name = (String) column.get("column_name");
            String sql = "bytea".equals(column.get("data_type"))
                    ? "SELECT count(*) FROM \"" + table + "\" WHERE position(convert_to(?, 'UTF8') in \"" + name + "\") > 0"
                    : "SELECT count(*) FROM \"" + table + "\" WHERE CAST(\"" + name + "\" AS text) LIKE '%' || ? || '%'";
            return jdbc.queryForObject(sql, Long.class, secret) > 0;
        }).map(column -> column.get("table_name") + "." + column.get("column_name")).toList();
    }
}
