package org.identityledger.infrastructure.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.identityledger.infrastructure.config.IdentityProperties;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded catcher accepts every message and keeps none: a sign-up flood cannot grow its memory. */
class EmbeddedSmtpCatcherTest {

    @Test
    void theCatcherHoldsAtMostTheLastMessageAndNoMailboxPerRecipient() throws MessagingException {
        EmbeddedSmtpServer catcher = new EmbeddedSmtpServer(new MailSettings(new IdentityProperties(), new MockEnvironment()));
        try {
            Properties smtp = new Properties();
            smtp.put("mail.smtp.host", "127.0.0.1");
            smtp.put("mail.smtp.port", String.valueOf(catcher.port()));
            Session session = Session.getInstance(smtp);
            for (int i = 0; i < 25; i++) {
                MimeMessage message = new MimeMessage(session);
                message.setFrom(new InternetAddress("ledger@example.com"));
                message.setRecipient(Message.RecipientType.TO, new InternetAddress("person-" + i + "@example.com"));
                message.setSubject("Verify your email");
                message.setText("a link");
                Transport.send(message);
            }

            assertThat(catcher.heldMessages()).isEqualTo(1);
            assertThat(catcher.users()).isEqualTo(1);
        } finally {
            catcher.destroy();
        }
    }
}
