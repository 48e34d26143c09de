package org.identityledger.infrastructure.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Optional;

/** Saves every sent message as an .eml file, so a newcomer can open the link without an inbox. */
@Component
class MailCapture {

    private static final Logger log = LoggerFactory.getLogger(MailCapture.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private final Optional<Path> directory;
    private final Clock clock;

    MailCapture(MailSettings settings, Clock clock) {
        this.directory = settings.captureDirectory();
        this.clock = clock;
    }

    void save(long id, MimeMessage message) {
        if (directory.isEmpty()) {
            return;
        }
        Path file = directory.get().resolve(STAMP.format(clock.instant()) + "-" + id + ".eml");
        try {
            Files.createDirectories(directory.get());
            try (OutputStream out = Files.newOutputStream(file)) {
                message.writeTo(out);
            }
        } catch (IOException | MessagingException failure) {
            // Capturing is a convenience; delivery already succeeded.
            log.warn("Could not save {}: {}", file, failure.toString());
        }
    }
}
