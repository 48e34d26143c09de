package org.identityledger.web;

import org.identityledger.IdentityLedgerApplication;
import org.identityledger.web.support.Browser;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.StandaloneService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.TaskScheduler;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An SMTP server that accepts connections and never answers: mail gives up after a bounded number of
 * attempts into a dead letter, housekeeping keeps running meanwhile, and a full outbox refuses new
 * mail-sending requests with 503 instead of accepting work it cannot hold.
 */
class MailBackPressureTest {

    private static final int CAPACITY = 60;
    private static final Path DATA_DIR = Path.of("target", "it-data", "mail-" + UUID.randomUUID()).toAbsolutePath();
    private static ServerSocket silentSmtp;
    private static ConfigurableApplicationContext service;
    private static JdbcTemplate jdbc;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        // Never accepted: connections complete in the backlog and then hear nothing.
        silentSmtp = new ServerSocket(0, 200);
        service = new SpringApplicationBuilder(IdentityLedgerApplication.class).run(
                "--server.port=0",
                "--identity.data-dir=" + DATA_DIR,
                "--identity.mail.embedded-smtp.enabled=false",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + silentSmtp.getLocalPort(),
                "--spring.mail.properties.mail.smtp.connectiontimeout=1000",
                "--spring.mail.properties.mail.smtp.timeout=1000",
                "--identity.mail.poll-interval=100ms",
                "--identity.mail.max-attempts=2",
                "--identity.mail.outbox-capacity=" + CAPACITY,
                "--identity.abuse.enabled=false",
                "--identity.public-base-url=http://localhost:8080");
        jdbc = service.getBean(JdbcTemplate.class);
        base = StandaloneService.baseUrl(service);
    }

    @AfterAll
    static void stop() throws IOException {
        if (service != null) {
            service.close();
        }
        silentSmtp.close();
    }

    @Test
    void undeliverableMailEndsInTheDeadLetterWithoutItsBodyAfterTheAttemptLimit() {
        String email = "dead-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        HttpAnswer signup = new Browser(base).withCsrf().postJson("/v1/auth/signup",
                "{\"email\":\"" + email + "\",\"password\":\"correct horse battery staple\"}");
        assertThat(signup.status()).as(signup.body()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM mail_outbox WHERE recipient = ?", Long.class, email))
                .as("verification mail to a silent SMTP server still retried").isZero());
        assertThat(jdbc.queryForObject("SELECT attempts FROM mail_dead_letter WHERE recipient = ?", Integer.class, email))
                .isEqualTo(2);
    }

    @Test
    void aRecipientTheMailLibraryDoesNotReadAsOneMailboxIsDeadLetteredAtOnce() {
        Instant now = Instant.now();
        // Only rows written before the strict grammar can hold such an address.
        jdbc.update("INSERT INTO mail_outbox (recipient, subject, text_body, html_body, created_at, next_attempt_at,"
                + " attempts) VALUES ('a@b.c,evil', 's', 't', 'h', ?, ?, 0)", Timestamp.from(now), Timestamp.from(now));

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM mail_outbox WHERE recipient = 'a@b.c,evil'", Long.class)).isZero());
        assertThat(jdbc.queryForObject("SELECT attempts FROM mail_dead_letter WHERE recipient = 'a@b.c,evil'",
                Integer.class)).isEqualTo(1);
    }

    @Test
    void housekeepingRunsWhileSmtpIsSilent() throws InterruptedException {
        Instant now = Instant.now();
        for (int i = 0; i < 10; i++) {
            jdbc.update("INSERT INTO mail_outbox (recipient, subject, text_body, html_body, created_at, next_attempt_at,"
                    + " attempts) VALUES (?, 's', 't', 'h', ?, ?, 0)", "stuck-" + i + "@example.com",
                    Timestamp.from(now), Timestamp.from(now));
        }
        // Give the dispatcher time to claim the batch and block on the silent server.
        Thread.sleep(1_500);
        CountDownLatch ran = new CountDownLatch(1);

        service.getBean("taskScheduler", TaskScheduler.class).schedule(ran::countDown, Instant.now());

        assertThat(ran.await(3, TimeUnit.SECONDS)).as("a housekeeping task ran while mail was stuck").isTrue();
    }

    @Test
    void aRequestThatWouldOverfillTheOutboxIsRefusedWith503NotAccepted() {
        Instant later = Instant.now().plus(Duration.ofDays(1));
        long firstId = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM mail_outbox", Long.class);
        for (int i = 0; i < CAPACITY + 20; i++) {
            jdbc.update("INSERT INTO mail_outbox (recipient, subject, text_body, html_body, created_at, next_attempt_at,"
                    + " attempts) VALUES ('filler@example.com', 's', 't', 'h', ?, ?, 0)",
                    Timestamp.from(later), Timestamp.from(later));
        }
        try {
            Browser browser = new Browser(base).withCsrf();
            HttpAnswer signup = browser.postJson("/v1/auth/signup", "{\"email\":\"full-"
                    + UUID.randomUUID().toString().substring(0, 8) + "@example.com\",\"password\":\"correct horse battery staple\"}");
            HttpAnswer reset = browser.postJson("/v1/auth/password/reset-request", "{\"email\":\"someone@example.com\"}");
            HttpAnswer resend = browser.postJson("/v1/auth/email/verification", "{\"email\":\"someone@example.com\"}");

            assertThat(signup.status()).as("signup with a full outbox: %s", signup.body()).isEqualTo(503);
            assertThat(reset.status()).as("reset request with a full outbox: %s", reset.body()).isEqualTo(503);
            assertThat(resend.status()).as("resend with a full outbox: %s", resend.body()).isEqualTo(503);
            assertThat(reset.headers().firstValue("Retry-After")).isPresent();
            assertThat(reset.json().path("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
        } finally {
            jdbc.update("DELETE FROM mail_outbox WHERE id > ? AND recipient = 'filler@example.com'", firstId);
        }
    }
}
