package org.identityledger.web;

import org.identityledger.IdentityLedgerApplication;
import org.identityledger.infrastructure.mail.EmbeddedSmtpPortInUseException;
import org.identityledger.web.support.Browser;
import org.identityledger.web.support.IntegrationTest;
import org.identityledger.web.support.StandaloneService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The embedded default's SMTP catcher: a free port by default, delivery to the port it bound, a clean refusal when taken. */
class EmbeddedSmtpTest {

    @Test
    void twoInstancesOnOneHostBothStartAndBothDeliverTheirMail() {
        Path firstDir = Path.of("target", "it-data", "smtp-a-" + UUID.randomUUID()).toAbsolutePath();
        Path secondDir = Path.of("target", "it-data", "smtp-b-" + UUID.randomUUID()).toAbsolutePath();
        try (ConfigurableApplicationContext first = start(firstDir); ConfigurableApplicationContext second = start(secondDir)) {
            signUp(first);
            signUp(second);

            await().atMost(Duration.ofSeconds(30)).until(() -> capturedMails(firstDir) == 1 && capturedMails(secondDir) == 1);
        }
    }

    @Test
    void aTakenPortStopsTheStartWithOneClearLine() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Path dataDir = Path.of("target", "it-data", "smtp-taken-" + UUID.randomUUID()).toAbsolutePath();
            assertThatThrownBy(() -> start(dataDir, "--identity.mail.embedded-smtp.port=" + taken.getLocalPort()).close())
                    .hasRootCauseInstanceOf(EmbeddedSmtpPortInUseException.class)
                    .rootCause().hasMessage("Embedded SMTP catcher failed to start. Port " + taken.getLocalPort()
                            + " was already in use.");
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir, String... more) {
        return new SpringApplicationBuilder(IdentityLedgerApplication.class).run(Stream.concat(Stream.of("--server.port=0",
                "--identity.data-dir=" + dataDir, "--identity.public-base-url=http://localhost:8080",
                "--identity.mail.poll-interval=100ms"), Stream.of(more)).toArray(String[]::new));
    }

    private static void signUp(ConfigurableApplicationContext service) {
        assertThat(new Browser(StandaloneService.baseUrl(service)).withCsrf().postJson("/v1/auth/signup",
                "{\"email\":\"smtp-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com\",\"password\":\""
                        + IntegrationTest.PASSWORD + "\"}").status()).isEqualTo(201);
    }

    private static long capturedMails(Path dataDir) throws IOException {
        Path mail = dataDir.resolve("mail");
        if (!Files.isDirectory(mail)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(mail)) {
            return files.filter(file -> file.toString().endsWith(".eml")).count();
        }
    }
}
