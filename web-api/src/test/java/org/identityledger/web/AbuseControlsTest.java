package org.identityledger.web;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.zaxxer.hikari.HikariDataSource;
import org.identityledger.web.support.Browser;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.identityledger.web.support.StandaloneService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rate limits, with small thresholds, behind a trusted proxy (127.0.0.1) so that each request
 * can claim its client address; and a second instance on the same database sharing the buckets.
 */
class AbuseControlsTest {

    private static final GreenMail SMTP = new GreenMail(ServerSetup.SMTP.dynamicPort());
    private static final Path DATA_DIR = Path.of("target", "it-data", "abuse-" + UUID.randomUUID());
    private static final String[] LIMITS = {
            "--identity.abuse.enabled=true",
            "--identity.abuse.trusted-proxies=127.0.0.1",
            "--identity.abuse.limits.login-per-ip.capacity=5",
            "--identity.abuse.limits.login-per-ip.period=10m",
            "--identity.abuse.limits.login-failures-per-account.capacity=3",
            "--identity.abuse.limits.login-failures-per-account.period=10m",
            "--identity.abuse.limits.signup-per-ip.capacity=1000",
            // Instances sharing a database must share the key that seals the token-signing keys.
            "--identity.jwt.key-encryption-key=" + java.util.Base64.getEncoder().encodeToString(new byte[32]),
    };

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void start() {
        SMTP.start();
        first = StandaloneService.start(DATA_DIR, SMTP, LIMITS);
        String sharedDatabase = ((HikariDataSource) first.getBean(javax.sql.DataSource.class)).getJdbcUrl();
        String[] secondArguments = java.util.stream.Stream.concat(java.util.Arrays.stream(LIMITS),
                java.util.stream.Stream.of("--spring.datasource.url=" + sharedDatabase, "--spring.datasource.username=postgres",
                        "--identity.data-dir=" + DATA_DIR.resolve("second").toAbsolutePath())).toArray(String[]::new);
        second = StandaloneService.start(DATA_DIR, SMTP, secondArguments);
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
        SMTP.stop();
    }

    private static Browser client(ConfigurableApplicationContext instance, String address) {
        return new Browser(StandaloneService.baseUrl(instance)).forwardedFor(address).withCsrf();
    }

    private static String signUp(String email) {
        HttpAnswer answer = client(first, "198.51.100." + (int) (Math.random() * 200)).postJson("/v1/auth/signup",
                "{\"email\":\"" + email + "\",\"password\":\"" + IntegrationTest.PASSWORD + "\"}");
        assertThat(answer.status()).isEqualTo(201);
        return email;
    }

    private static String login(String email, String password) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
    }

    private static String uniqueEmail() {
        return "abuse-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }

    @Test
    void credentialStuffingFromOneAddressIsCutOffAtTheThreshold() {
        Browser stuffer = client(first, "203.0.113.66");
        for (int attempt = 0; attempt < 5; attempt++) {
            stuffer.postJson("/v1/auth/login", login(uniqueEmail(), "guessed password " + attempt))
                    .assertProblem(401, "INVALID_CREDENTIALS");
        }

        HttpAnswer limited = stuffer.postJson("/v1/auth/login", login(uniqueEmail(), "one more guess"))
                .assertProblem(429, "RATE_LIMITED");

        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(client(first, "203.0.113.67").postJson("/v1/auth/login", login(uniqueEmail(), "another guess"))
                .status()).as("another address is unaffected").isEqualTo(401);
    }

    @Test
    void bruteForceOnOneAccountFromManyAddressesIsCutOffWithoutLockingOutTheOwnersDevice() {
        String email = signUp(uniqueEmail());
        Browser owner = client(first, "192.0.2.1");
        assertThat(owner.postJson("/v1/auth/login", login(email, IntegrationTest.PASSWORD)).status()).isEqualTo(200);
        assertThat(owner.cookie("ledger_device")).isPresent();

        for (int attempt = 0; attempt < 3; attempt++) {
            client(first, "203.0.113." + (10 + attempt)).postJson("/v1/auth/login", login(email, "wrong " + attempt))
                    .assertProblem(401, "INVALID_CREDENTIALS");
        }

        client(first, "203.0.113.50").postJson("/v1/auth/login", login(email, "wrong again")).assertProblem(429, "RATE_LIMITED");
        // Even the right password is not tried while the account is throttled for unknown devices.
        client(first, "203.0.113.51").postJson("/v1/auth/login", login(email, IntegrationTest.PASSWORD))
                .assertProblem(429, "RATE_LIMITED");
        assertThat(owner.postJson("/v1/auth/login", login(email, IntegrationTest.PASSWORD)).status())
                .as("the owner's known device keeps its own allowance").isEqualTo(200);
    }

    @Test
    void unknownEmailsAreThrottledLikeKnownOnes() {
        String unknown = uniqueEmail();
        for (int attempt = 0; attempt < 3; attempt++) {
            client(first, "203.0.113." + (100 + attempt)).postJson("/v1/auth/login", login(unknown, "guess " + attempt))
                    .assertProblem(401, "INVALID_CREDENTIALS");
        }
        client(first, "203.0.113.150").postJson("/v1/auth/login", login(unknown, "guess")).assertProblem(429, "RATE_LIMITED");
    }

    @Test
    void twoInstancesOnOneDatabaseEnforceOneLimit() {
        for (int attempt = 0; attempt < 5; attempt++) {
            ConfigurableApplicationContext instance = attempt % 2 == 0 ? first : second;
            client(instance, "203.0.113.77").postJson("/v1/auth/login", login(uniqueEmail(), "guess"))
                    .assertProblem(401, "INVALID_CREDENTIALS");
        }
        client(second, "203.0.113.77").postJson("/v1/auth/login", login(uniqueEmail(), "guess")).assertProblem(429, "RATE_LIMITED");
        client(first, "203.0.113.77").postJson("/v1/auth/login", login(uniqueEmail(), "guess")).assertProblem(429, "RATE_LIMITED");
    }

    @Test
    void aSpoofedForwardedForDoesNotEscapeTheLimitWhenThePeerIsNotTrusted() {
        // Same rule as in ClientAddressesTest, end to end: the second instance trusts no proxy.
        assertThat(second.getBean(org.identityledger.infrastructure.abuse.ClientAddresses.class)
                .resolve("198.51.100.9", "1.1.1.1")).isEqualTo("198.51.100.9");
    }
}
