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
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

/**
 * Saves every sent message as an .eml file (mode 0600, directory 0700), so a newcomer can open the
 * link without an inbox. On only with the embedded catcher or an explicit identity.mail.capture-dir.
 */
@Component
class MailCapture {

    private static final Logger log = LoggerFactory.getLogger(MailCapture.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

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
            // Raw one-time tokens are inside: the directory and the files are the owner's only.
            Files.createDirectories(directory.get(), PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
            Files.setPosixFilePermissions(directory.get(), OWNER_DIRECTORY);
            try (OutputStream out = Files.newOutputStream(Files.createFile(file,
                    PosixFilePermissions.asFileAttribute(OWNER_FILE)))) {
                message.writeTo(out);
            }
        } catch (IOException | MessagingException failure) {
            // Capturing is a convenience; delivery already succeeded.
            log.warn("Could not save {}: {}", file, failure.toString());
        }
    }
}
