package org.identityledger.web;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.identityledger.web.support.Browser;
import org.identityledger.web.support.IntegrationTest;
import org.identityledger.web.support.StandaloneService;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Runtime limits are settings: a changed one takes effect at the next start, whatever buckets are stored. */
class LimitChangesTest {

    @Test
    void aRaisedLimitAppliesAfterARestartOnTheSameDatabase() {
        GreenMail smtp = new GreenMail(ServerSetup.SMTP.dynamicPort());
        smtp.start();
        Path dataDir = Path.of("target", "it-data", "limits-" + UUID.randomUUID()).toAbsolutePath();
        try {
            try (ConfigurableApplicationContext strict = start(dataDir, smtp, 1)) {
                assertThat(signUp(strict).status()).isEqualTo(201);
                signUp(strict).assertProblem(429, "RATE_LIMITED");
            }
            try (ConfigurableApplicationContext relaxed = start(dataDir, smtp, 50)) {
                assertThat(signUp(relaxed).status()).as("the stored bucket of capacity 1 no longer decides").isEqualTo(201);
            }
        } finally {
            smtp.stop();
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir, GreenMail smtp, int signupsPerAddress) {
        return StandaloneService.start(dataDir, smtp, "--identity.abuse.enabled=true",
                "--identity.abuse.trusted-proxies=127.0.0.1",
                "--identity.abuse.limits.signup-per-ip.capacity=" + signupsPerAddress);
    }

    private static org.identityledger.web.support.HttpAnswer signUp(ConfigurableApplicationContext service) {
        return new Browser(StandaloneService.baseUrl(service)).forwardedFor("203.0.113.200").withCsrf()
                .postJson("/v1/auth/signup", "{\"email\":\"limit-" + UUID.randomUUID().toString().substring(0, 10)
                        + "@example.com\",\"password\":\"" + IntegrationTest.PASSWORD + "\"}");
    }
}
