package org.identityledger.web;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.identityledger.web.support.Browser;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.identityledger.web.support.Mailbox;
import org.identityledger.web.support.StandaloneService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The failed-login throttle under concurrency, the owner's known devices during an attack, and every
 * other entry point's limit, on the default thresholds where they matter (10 failed logins per
 * account, 3 mails per address and hour), behind a trusted proxy so each request can name its client.
 */
class LoginThrottleAndEntryLimitsTest {

    private static final GreenMail SMTP = new GreenMail(ServerSetup.SMTP.dynamicPort());
    private static final Path DATA_DIR = Path.of("target", "it-data", "throttle-" + UUID.randomUUID());
    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static ConfigurableApplicationContext service;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        SMTP.start();
        service = StandaloneService.start(DATA_DIR, SMTP,
                "--identity.abuse.enabled=true",
                "--identity.abuse.trusted-proxies=127.0.0.1",
                "--identity.abuse.limits.login-per-ip.capacity=1000",
                "--identity.abuse.limits.signup-per-ip.capacity=1000",
                "--identity.abuse.limits.signup-per-email.capacity=2",
                "--identity.abuse.limits.verify-per-ip.capacity=3",
                "--identity.abuse.limits.reset-per-ip.capacity=3",
                "--identity.abuse.limits.resend-per-ip.capacity=1000",
                "--identity.abuse.limits.reset-request-per-ip.capacity=1000",
                // 30 racing sign-ins queue for 4 hash slots on a shared 2-core machine.
                "--identity.password.max-hash-wait=20s");
        jdbc = service.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        SMTP.stop();
    }

    private static Browser from(String address) {
        return new Browser(StandaloneService.baseUrl(service)).forwardedFor(address).withCsrf();
    }

    private static Browser fromSomewhere() {
        int n = ADDRESSES.incrementAndGet();
        return from("198.18." + (n / 250) + "." + (n % 250 + 1));
    }

    private static String signUp() {
        String email = "throttle-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
        assertThat(fromSomewhere().postJson("/v1/auth/signup", "{\"email\":\"" + email + "\",\"password\":\""
                + IntegrationTest.PASSWORD + "\"}").status()).isEqualTo(201);
        return email;
    }

    private static HttpAnswer nativeLogin(Browser client, String email, String password, String deviceToken) {
        return client.postJson("/v1/auth/native/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\""
                + (deviceToken == null ? "" : ",\"device_token\":\"" + deviceToken + "\"") + "}");
    }

    private static long sessionsStartedFor(String email) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry e JOIN account_lookup l"
                + " ON convert_from(e.payload, 'UTF8')::jsonb ->> 'account_ref' = l.account_ref"
                + " WHERE e.payload_type LIKE '%.SessionStartedEvent' AND l.email_normalized = ?", Long.class, email);
    }

    @Test
    void thirtyConcurrentWrongPasswordsAreCheckedAtMostTenTimesAndTheOwnersDevicesStillSignIn() throws Exception {
        String email = signUp();
        HttpAnswer phone = nativeLogin(fromSomewhere(), email, IntegrationTest.PASSWORD, null);
        String deviceToken = phone.text("device_token");
        assertThat(deviceToken).isNotBlank();
        Browser laptop = fromSomewhere();
        assertThat(laptop.postJson("/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + IntegrationTest.PASSWORD
                + "\"}").status()).isEqualTo(200);
        assertThat(sessionsStartedFor(email)).isEqualTo(2);

        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<Long> retryAfter = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(30);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> attempts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Browser attacker = fromSomewhere();
            int attempt = i;
            attempts.add(pool.submit(() -> {
                go.await();
                HttpAnswer answer = nativeLogin(attacker, email, "guess number " + attempt, null);
                statuses.merge(answer.status(), 1, Integer::sum);
                answer.headers().firstValue("Retry-After").map(Long::parseLong).ifPresent(retryAfter::add);
                return null;
            }));
        }
        go.countDown();
        for (Future<?> attempt : attempts) {
            attempt.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(statuses).as("password checks, then refusals").containsEntry(401, 10).containsEntry(429, 20).hasSize(2);
        assertThat(retryAfter).as("one attacker keeps an unknown device waiting one refill interval at most")
                .allSatisfy(seconds -> assertThat(seconds).isBetween(1L, 40L));
        nativeLogin(fromSomewhere(), email, IntegrationTest.PASSWORD, null).assertProblem(429, "RATE_LIMITED");
        assertThat(nativeLogin(fromSomewhere(), email, IntegrationTest.PASSWORD, deviceToken).status())
                .as("the owner's phone keeps its own allowance").isEqualTo(200);
        assertThat(laptop.postJson("/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + IntegrationTest.PASSWORD
                + "\"}").status()).as("and so does the owner's browser").isEqualTo(200);
        assertThat(sessionsStartedFor(email)).as("sessions in the ledger: the owner's four, none for a guess").isEqualTo(4);
    }

    @Test
    void aSignInThatSucceedsGivesItsAttemptBack() {
        String email = signUp();
        for (int i = 0; i < 15; i++) {
            assertThat(nativeLogin(fromSomewhere(), email, IntegrationTest.PASSWORD, null).status()).isEqualTo(200);
        }
    }

    @Test
    void everyEntryPointMeetsItsLimitWithRetryAfter() {
        String email = "limits-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
        String signup = "{\"email\":\"" + email + "\",\"password\":\"" + IntegrationTest.PASSWORD + "\"}";
        assertThat(fromSomewhere().postJson("/v1/auth/signup", signup).status()).isEqualTo(201);
        fromSomewhere().postJson("/v1/auth/signup", signup).assertProblem(409, "EMAIL_ALREADY_REGISTERED");
        assertRetryAfter(fromSomewhere().postJson("/v1/auth/signup", signup).assertProblem(429, "RATE_LIMITED"));

        Browser one = fromSomewhere();
        for (int i = 0; i < 3; i++) {
            one.postJson("/v1/auth/email/verify", "{\"token\":\"" + "A".repeat(43) + "\"}").assertProblem(400, "TOKEN_INVALID");
        }
        assertRetryAfter(one.postJson("/v1/auth/email/verify", "{\"token\":\"" + "A".repeat(43) + "\"}")
                .assertProblem(429, "RATE_LIMITED"));

        Browser other = fromSomewhere();
        for (int i = 0; i < 3; i++) {
            other.postJson("/v1/auth/password/reset", "{\"token\":\"" + "A".repeat(43) + "\",\"new_password\":\"a brand new passphrase\"}")
                    .assertProblem(400, "TOKEN_INVALID");
        }
        assertRetryAfter(other.postJson("/v1/auth/password/reset",
                "{\"token\":\"" + "A".repeat(43) + "\",\"new_password\":\"a brand new passphrase\"}").assertProblem(429, "RATE_LIMITED"));

        for (int i = 0; i < 3; i++) {
            assertThat(fromSomewhere().postJson("/v1/auth/email/verification", "{\"email\":\"" + email + "\"}").status()).isEqualTo(202);
            assertThat(fromSomewhere().postJson("/v1/auth/password/reset-request", "{\"email\":\"" + email + "\"}").status()).isEqualTo(202);
        }
        assertRetryAfter(fromSomewhere().postJson("/v1/auth/email/verification", "{\"email\":\"" + email + "\"}")
                .assertProblem(429, "RATE_LIMITED"));
        assertRetryAfter(fromSomewhere().postJson("/v1/auth/password/reset-request", "{\"email\":\"" + email + "\"}")
                .assertProblem(429, "RATE_LIMITED"));
    }

    @Test
    void noMailboxGetsMoreThanAHandfulOfMailsHoweverOftenItsAddressIsSubmitted() throws Exception {
        String email = signUp();
        for (int i = 0; i < 50; i++) {
            fromSomewhere().postJson("/v1/auth/email/verification", "{\"email\":\"" + email + "\"}");
            fromSomewhere().postJson("/v1/auth/password/reset-request", "{\"email\":\"" + email + "\"}");
            fromSomewhere().postJson("/v1/auth/signup", "{\"email\":\"" + email + "\",\"password\":\"" + IntegrationTest.PASSWORD + "\"}");
        }
        Mailbox mailbox = new Mailbox(SMTP);
        mailbox.awaitMessage(email, 7);
        Thread.sleep(2_000);

        assertThat(mailbox.messagesTo(email)).as("signup + 3 resends + 3 reset links, whatever was submitted").hasSize(7);
    }

    private static void assertRetryAfter(HttpAnswer limited) {
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isPositive();
    }
}
