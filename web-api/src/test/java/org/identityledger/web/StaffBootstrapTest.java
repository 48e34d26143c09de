package org.identityledger.web;

import org.identityledger.web.support.Browser;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.FreshLedger;
import org.identityledger.web.support.Mailbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * identity.staff.bootstrap-admin-email makes the first admin at verification, recorded with actor
 * "bootstrap", and nobody else; on a fresh ledger of its own, since "while no admin exists" is
 * global state.
 */
class StaffBootstrapTest {

    @RegisterExtension
    static final FreshLedger LEDGER = new FreshLedger("--identity.staff.bootstrap-admin-email= Boss@Example.COM ",
                "--identity.abuse.enabled=false");

    @Test
    void theBootstrapAddressBecomesAdminAtVerificationAndNoOneElseDoes() {
        JdbcTemplate jdbc = LEDGER.service().getBean(JdbcTemplate.class);
        Mailbox mailbox = new Mailbox(LEDGER.smtp());
        String boss = signUpAndVerify(mailbox, "boss@example.com");
        String other = signUpAndVerify(mailbox, "someone-" + UUID.randomUUID() + "@example.com");

        assertThat(jdbc.queryForList("SELECT account_ref FROM staff_grant_view WHERE role = 'admin'", String.class))
                .containsExactly(boss);
        assertThat(jdbc.queryForList("SELECT convert_from(payload, 'UTF8')::jsonb ->> 'actor_ref' FROM domain_event_entry"
                + " WHERE payload_type LIKE '%.StaffRoleGrantedEvent'", String.class)).containsExactly("bootstrap");
        assertThat(jdbc.queryForList("SELECT role FROM staff_grant_view WHERE account_ref = ?", String.class, other)).isEmpty();

        HttpAnswer login = new Browser(LEDGER.baseUrl()).postJson("/v1/auth/native/login",
                "{\"email\":\"boss@example.com\",\"password\":\"correct horse battery staple\",\"context\":\"staff\"}");
        assertThat(login.status()).isEqualTo(200);
        List<String> roles = new java.util.ArrayList<>();
        new Browser(LEDGER.baseUrl()).bearer(login.text("access_token")).get("/v1/auth/me").json()
                .path("staff_roles").forEach(role -> roles.add(role.asText()));
        assertThat(roles).containsExactly("admin");
    }

    private static String signUpAndVerify(Mailbox mailbox, String email) {
        Browser browser = new Browser(LEDGER.baseUrl()).withCsrf();
        HttpAnswer signup = browser.postJson("/v1/auth/signup", "{\"email\":\"" + email
                + "\",\"password\":\"correct horse battery staple\"}");
        assertThat(signup.status()).isEqualTo(201);
        String token = mailbox.awaitVerificationToken(email, 1);
        assertThat(browser.postJson("/v1/auth/email/verify", "{\"token\":\"" + token + "\"}").status()).isEqualTo(200);
        return signup.text("account_ref");
    }
}
