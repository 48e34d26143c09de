package org.identityledger.infrastructure.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Delivers the outbox after the commands commit: claim due rows, send over SMTP, delete on
 * success, back off exponentially on failure. An accepted signup therefore never loses its email
 * to an SMTP hiccup; at worst a message is sent twice if the process dies between send and delete.
 */
@Component
class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    private static final int BATCH = 20;

    private final MailOutbox outbox;
    private final JavaMailSender sender;
    private final MailCapture capture;
    private final MailSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;

    MailDispatcher(MailOutbox outbox, JavaMailSender sender, MailCapture capture, MailSettings settings,
                   TransactionTemplate transactions, Clock clock) {
        this.outbox = outbox;
        this.sender = sender;
        this.capture = capture;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${identity.mail.poll-interval:500ms}", initialDelayString = "1s")
    void deliverDue() {
        try {
            Integer delivered;
            do {
                delivered = transactions.execute(status -> deliverBatch());
            } while (delivered != null && delivered == BATCH);
        } catch (RuntimeException failure) {
            // The database may be down; the rows wait for the next round.
            log.warn("Mail delivery round failed: {}", failure.toString());
        }
    }

    private int deliverBatch() {
        Instant now = clock.instant();
        List<OutgoingMail> due = outbox.claimDue(now, BATCH);
        for (OutgoingMail mail : due) {
            try {
                MimeMessage message = compose(mail);
                sender.send(message);
                capture.save(mail.id(), message);
                outbox.delivered(mail.id());
                if (mail.previewLink() != null) {
                    log.info("Mail to {} sent: {}", mail.recipient(), mail.previewLink());
                }
            } catch (MailException | MessagingException failure) {
                Instant retryAt = now.plus(MailOutbox.backoff(mail.attempts()));
                log.warn("Mail {} not delivered (attempt {}), retrying at {}: {}", mail.id(), mail.attempts() + 1,
                        retryAt, failure.toString());
                outbox.failed(mail.id(), retryAt, failure.toString());
            }
        }
        return due.size();
    }

    private MimeMessage compose(OutgoingMail mail) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(settings.from());
        helper.setTo(mail.recipient());
        helper.setSubject(mail.subject());
        helper.setText(mail.textBody(), mail.htmlBody());
        return message;
    }
}
