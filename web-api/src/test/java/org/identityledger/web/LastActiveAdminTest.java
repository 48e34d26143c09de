package org.identityledger.web;

import org.identityledger.web.support.Browser;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.FreshLedger;
import org.identityledger.web.support.Mailbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service must stay administrable: the last active admin can be neither suspended, deactivated
 * nor stripped of the role, whoever asks; two admins suspending each other at the same instant leave
 * one of them active. On a fresh ledger of its own, since "the last admin" is global state.
 */
class LastActiveAdminTest {

    private static final String PASSWORD = "correct horse battery staple";
    @RegisterExtension
    static final FreshLedger LEDGER = new FreshLedger("--identity.staff.bootstrap-admin-email=boss@example.com",
                "--identity.abuse.enabled=false");

    private static String signUpAndVerify(String email) {
        Browser browser = new Browser(LEDGER.baseUrl()).withCsrf();
        HttpAnswer signup = browser.postJson("/v1/auth/signup", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(signup.status()).isEqualTo(201);
        String token = new Mailbox(LEDGER.smtp()).awaitVerificationToken(email, 1);
        assertThat(browser.postJson("/v1/auth/email/verify", "{\"token\":\"" + token + "\"}").status()).isEqualTo(200);
        return signup.text("account_ref");
    }

    private static Browser staff(String email) {
        HttpAnswer login = new Browser(LEDGER.baseUrl()).postJson("/v1/auth/native/login",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"context\":\"staff\"}");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return new Browser(LEDGER.baseUrl()).bearer(login.text("access_token"));
    }

    private static String state(String accountRef) {
        return LEDGER.service().getBean(JdbcTemplate.class).queryForObject("SELECT state FROM account_lookup WHERE account_ref = ?",
                String.class, accountRef);
    }

    @Test
    void theLastActiveAdminStaysInServiceEvenAgainstTwoAdminsAtOnce() throws Exception {
        String boss = signUpAndVerify("boss@example.com");
        String secondEmail = "second-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String second = signUpAndVerify(secondEmail);
        Browser bossSession = staff("boss@example.com");
        assertThat(bossSession.postJson("/v1/admin/staff-grants", "{\"account_ref\":\"" + second + "\",\"role\":\"admin\"}")
                .status()).isEqualTo(201);

        assertThat(bossSession.postJson("/v1/admin/accounts/" + second + "/suspend", "{\"reason\":\"test\"}").status()).isEqualTo(200);
        bossSession.postJson("/v1/admin/accounts/" + boss + "/suspend", "{\"reason\":\"oops\"}").assertProblem(409, "LAST_ADMIN");
        bossSession.postJson("/v1/admin/accounts/" + boss + "/deactivate", "{\"reason\":\"oops\"}").assertProblem(409, "LAST_ADMIN");
        bossSession.send("DELETE", "/v1/admin/staff-grants/" + boss + "/admin", null, null).assertProblem(409, "LAST_ADMIN");
        assertThat(state(boss)).isEqualTo("active");
        assertThat(bossSession.postJson("/v1/admin/accounts/" + second + "/reinstate", "{\"reason\":\"test\"}").status()).isEqualTo(200);

        Browser secondSession = staff(secondEmail);
        CyclicBarrier together = new CyclicBarrier(2);
        CompletableFuture<Integer> bossSuspendsSecond = CompletableFuture.supplyAsync(() -> {
            await(together);
            return bossSession.postJson("/v1/admin/accounts/" + second + "/suspend", "{\"reason\":\"race\"}").status();
        });
        CompletableFuture<Integer> secondSuspendsBoss = CompletableFuture.supplyAsync(() -> {
            await(together);
            return secondSession.postJson("/v1/admin/accounts/" + boss + "/suspend", "{\"reason\":\"race\"}").status();
        });

        assertThat(java.util.List.of(bossSuspendsSecond.get(), secondSuspendsBoss.get())).containsOnlyOnce(200);
        assertThat(java.util.List.of(state(boss), state(second))).contains("active");
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception interrupted) {
            throw new IllegalStateException(interrupted);
        }
    }
}
