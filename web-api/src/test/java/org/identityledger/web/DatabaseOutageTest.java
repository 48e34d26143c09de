package org.identityledger.web;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.identityledger.web.support.Browser;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.identityledger.web.support.StandaloneService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL goes away under load: every request answers 503 SERVICE_UNAVAILABLE with Retry-After
 * promptly (no 500, no hung thread), and when PostgreSQL is back the service recovers on its own.
 */
class DatabaseOutageTest {

    private static final GreenMail SMTP = new GreenMail(ServerSetup.SMTP.dynamicPort());
    private static final Path DATA_DIR = Path.of("target", "it-data", "outage-" + UUID.randomUUID()).toAbsolutePath();
    private static int databasePort;
    private static EmbeddedPostgres database;
    private static ConfigurableApplicationContext service;

    @BeforeAll
    static void start() throws IOException {
        SMTP.start();
        try (ServerSocket socket = new ServerSocket(0)) {
            databasePort = socket.getLocalPort();
        }
        database = startDatabase();
        service = StandaloneService.start(DATA_DIR, SMTP,
                "--spring.datasource.url=jdbc:postgresql://localhost:" + databasePort + "/postgres",
                "--spring.datasource.username=postgres",
                "--identity.abuse.enabled=true");
    }

    @AfterAll
    static void stop() throws IOException {
        if (service != null) {
            service.close();
        }
        if (database != null) {
            database.close();
        }
        SMTP.stop();
    }

    private static EmbeddedPostgres startDatabase() throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(DATA_DIR.resolve("external-postgres"))
                .setCleanDataDirectory(false).setPort(databasePort).start();
    }

    @Test
    void anOutageAnswers503AndTheServiceRecoversByItself() throws Exception {
        String base = StandaloneService.baseUrl(service);
        String email = "outage-" + UUID.randomUUID() + "@example.com";
        Browser browser = new Browser(base).withCsrf();
        assertThat(browser.postJson("/v1/auth/signup", "{\"email\":\"" + email + "\",\"password\":\""
                + IntegrationTest.PASSWORD + "\"}").status()).isEqualTo(201);
        assertThat(browser.postJson("/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\""
                + IntegrationTest.PASSWORD + "\"}").status()).isEqualTo(200);
        HttpAnswer tokens = new Browser(base).postJson("/v1/auth/native/login", "{\"email\":\"" + email
                + "\",\"password\":\"" + IntegrationTest.PASSWORD + "\"}");
        assertThat(tokens.status()).isEqualTo(200);
        Browser app = new Browser(base).bearer(tokens.text("access_token"));

        database.close();

        List<Supplier<HttpAnswer>> requests = List.of(
                () -> browser.get("/v1/auth/me"),
                () -> app.get("/v1/auth/sessions"),
                () -> browser.postJson("/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + IntegrationTest.PASSWORD + "\"}"),
                () -> browser.postJson("/v1/auth/signup", "{\"email\":\"other-" + UUID.randomUUID() + "@example.com\",\"password\":\""
                        + IntegrationTest.PASSWORD + "\"}"),
                () -> new Browser(base).postJson("/v1/auth/native/refresh", "{\"refresh_token\":\"" + tokens.text("refresh_token") + "\"}"),
                () -> browser.postJson("/v1/auth/email/verify", "{\"token\":\"" + "C".repeat(43) + "\"}"));
        // The health endpoint says so, for a load balancer or an orchestrator: DOWN with 503, promptly.
        HttpAnswer down = new Browser(base).get("/actuator/health");
        assertThat(down.status()).as(down.body()).isEqualTo(503);
        assertThat(down.json().path("status").asText()).isEqualTo("DOWN");
        ExecutorService load = Executors.newFixedThreadPool(6);
        try {
            List<Future<long[]>> answers = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (Supplier<HttpAnswer> request : requests) {
                    answers.add(load.submit(() -> {
                        long started = System.nanoTime();
                        HttpAnswer answer = request.get();
                        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                        assertThat(answer.status()).as(answer.body()).isEqualTo(503);
                        answer.assertProblem(503, "SERVICE_UNAVAILABLE");
                        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
                        return new long[]{answer.status(), millis};
                    }));
                }
            }
            for (Future<long[]> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS)[1]).as("answered promptly, not hung").isLessThan(10_000);
            }
        } finally {
            load.shutdownNow();
        }

        database = startDatabase();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> browser.get("/v1/auth/me").status() == 200);
        HttpAnswer up = new Browser(base).get("/actuator/health");
        assertThat(up.status()).isEqualTo(200);
        assertThat(up.json().path("status").asText()).isEqualTo("UP");
        assertThat(app.get("/v1/auth/sessions").status()).isEqualTo(200);
        assertThat(new Browser(base).postJson("/v1/auth/native/refresh",
                "{\"refresh_token\":\"" + tokens.text("refresh_token") + "\"}").status()).isEqualTo(200);
        assertThat(new Browser(base).withCsrf().postJson("/v1/auth/signup", "{\"email\":\"after-" + UUID.randomUUID()
                + "@example.com\",\"password\":\"" + IntegrationTest.PASSWORD + "\"}").status()).isEqualTo(201);
    }
}
