package org.identityledger.infrastructure.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.identityledger.infrastructure.config.IdentityProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import java.nio.file.Path;
import java.util.Optional;

/** Resolves the mail defaults that depend on one another (embedded SMTP, capture, link logging). */
@Component
class MailSettings {

    private final IdentityProperties properties;
    private final Environment environment;

    MailSettings(IdentityProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    boolean embeddedSmtp() {
        Boolean configured = properties.getMail().getEmbeddedSmtp().getEnabled();
        return configured != null ? configured : !StringUtils.hasText(environment.getProperty("spring.mail.host"));
    }

    int embeddedSmtpPort() {
        return properties.getMail().getEmbeddedSmtp().getPort();
    }

    boolean logLinks() {
        Boolean configured = properties.getMail().getLogLinks();
        return configured != null ? configured : embeddedSmtp();
    }

    Optional<Path> captureDirectory() {
        Path configured = properties.getMail().getCaptureDir();
        if (configured == null) {
            // Captured messages hold raw one-time tokens: by default only for the local catcher,
            // where nobody else receives them anyway, never next to a real SMTP server.
            return embeddedSmtp() ? Optional.of(properties.getDataDir().resolve("mail")) : Optional.empty();
        }
        return configured.toString().isBlank() ? Optional.empty() : Optional.of(configured);
    }

    int maxAttempts() {
        return Math.max(1, properties.getMail().getMaxAttempts());
    }

    int outboxCapacity() {
        return Math.max(1, properties.getMail().getOutboxCapacity());
    }

    InternetAddress from() {
        try {
            return new InternetAddress(properties.getMail().getFrom());
        } catch (AddressException invalid) {
            throw new IllegalStateException("identity.mail.from is not an email address", invalid);
        }
    }
}
