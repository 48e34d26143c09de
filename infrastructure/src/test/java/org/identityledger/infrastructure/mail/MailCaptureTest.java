package org.identityledger.infrastructure.mail;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.identityledger.infrastructure.config.IdentityProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Captured mail holds raw one-time tokens: only where a developer expects it, and for the owner only. */
class MailCaptureTest {

    @TempDir
    Path dataDir;

    @Test
    void captureIsOffWithARealSmtpServerUnlessConfigured() {
        IdentityProperties properties = new IdentityProperties();
        properties.setDataDir(dataDir);
        MockEnvironment realSmtp = new MockEnvironment().withProperty("spring.mail.host", "smtp.example.com");

        assertThat(new MailSettings(properties, realSmtp).captureDirectory()).isEmpty();

        properties.getMail().setCaptureDir(dataDir.resolve("explicit"));
        assertThat(new MailSettings(properties, realSmtp).captureDirectory()).contains(dataDir.resolve("explicit"));
    }

    @Test
    void captureIsOnByDefaultWithTheEmbeddedCatcher() {
        IdentityProperties properties = new IdentityProperties();
        properties.setDataDir(dataDir);

        assertThat(new MailSettings(properties, new MockEnvironment()).captureDirectory())
                .contains(dataDir.resolve("mail"));
    }

    @Test
    void capturedMessagesAreReadableByTheOwnerOnly() throws Exception {
        IdentityProperties properties = new IdentityProperties();
        properties.setDataDir(dataDir);
        MailCapture capture = new MailCapture(new MailSettings(properties, new MockEnvironment()), Clock.systemUTC());
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setText("token");

        capture.save(1, message);

        Path directory = dataDir.resolve("mail");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
        List<Path> files;
        try (var listing = Files.list(directory)) {
            files = listing.toList();
        }
        assertThat(files).hasSize(1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.get(0)))).isEqualTo("rw-------");
    }
}
