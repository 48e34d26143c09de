package org.identityledger.web;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.identityledger.IdentityLedgerApplication;
import org.identityledger.web.support.Browser;
import org.identityledger.web.support.IntegrationTest;
import org.identityledger.web.support.Mailbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default keeps accounts and live sessions across a restart on the same data directory. */
class RestartTest {

    private static final GreenMail SMTP = new GreenMail(ServerSetup.SMTP.dynamicPort());
    private static final Path DATA_DIR = Path.of("target", "it-data", "restart-" + UUID.randomUUID()).toAbsolutePath();

    @BeforeAll
    static void startSmtp() {
        SMTP.start();
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(IdentityLedgerApplication.class).run(
                "--server.port=0",
                "--identity.data-dir=" + DATA_DIR,
                "--identity.mail.embedded-smtp.enabled=false",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + SMTP.getSmtp().getPort(),
                "--identity.mail.poll-interval=100ms");
    }

    private static String baseUrl(ConfigurableApplicationContext context) {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Test
    void accountsAndLiveSessionsSurviveARestart() {
        String email = "restart-" + UUID.randomUUID() + "@example.com";
        String accountRef;
        String sessionSecret;
        try (ConfigurableApplicationContext first = start()) {
            Browser browser = new Browser(baseUrl(first)).withCsrf();
            accountRef = browser.postJson("/v1/auth/signup", "{\"email\":\"" + email + "\",\"password\":\""
                    + IntegrationTest.PASSWORD + "\"}").text("account_ref");
            new Mailbox(SMTP).awaitMessage(email, 1);
            assertThat(browser.postJson("/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\""
                    + IntegrationTest.PASSWORD + "\"}").status()).isEqualTo(200);
            sessionSecret = browser.cookie("ledger_session").orElseThrow();
        }

        try (ConfigurableApplicationContext second = start()) {
            Browser returning = new Browser(baseUrl(second));
            returning.setCookie("ledger_session", sessionSecret);
            var me = returning.get("/v1/auth/me");
            assertThat(me.status()).isEqualTo(200);
            assertThat(me.text("account_ref")).isEqualTo(accountRef);

            Browser again = new Browser(baseUrl(second)).withCsrf();
            assertThat(again.postJson("/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\""
                    + IntegrationTest.PASSWORD + "\"}").status()).isEqualTo(200);
            again.postJson("/v1/auth/signup", "{\"email\":\"" + email + "\",\"password\":\""
                    + IntegrationTest.PASSWORD + "\"}").assertProblem(409, "EMAIL_ALREADY_REGISTERED");
        }
    }
}
