package org.identityledger.infrastructure.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.identityledger.infrastructure.config.SchedulingConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers the outbox after the commands commit: claim due rows, send over SMTP, delete on
 * success, back off exponentially on failure, and after identity.mail.max-attempts (or at once for an
 * address the mail library refuses) move the message to mail_dead_letter, so retries end and the
 * outbox stays bounded. An accepted signup never loses its email to an SMTP hiccup; at worst a
 * message is sent twice if the process dies between send and delete.
 */
@Component
class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    private static final int BATCH = 5;
    /** Longer than five sends at the SMTP timeouts (connect 5 s, read 10 s, write 10 s each). */
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final MailOutbox outbox;
    private final JavaMailSender sender;
    private final MailCapture capture;
    private final MailSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;
    /** No Micrometer on the classpath: this running count goes into each dead-letter log line instead. */
    private final AtomicLong deadLetters = new AtomicLong();

    MailDispatcher(MailOutbox outbox, JavaMailSender sender, MailCapture capture, MailSettings settings,
                   TransactionTemplate transactions, Clock clock) {
        this.outbox = outbox;
        this.sender = sender;
        this.capture = capture;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** On its own thread (mailScheduler): a silent SMTP server must never hold up housekeeping. */
    @Scheduled(fixedDelayString = "${identity.mail.poll-interval:500ms}", initialDelayString = "1s",
            scheduler = SchedulingConfiguration.MAIL_SCHEDULER)
    void deliverDue() {
        try {
            Integer delivered;
            do {
                delivered = deliverBatch();
            } while (delivered != null && delivered == BATCH);
        } catch (RuntimeException failure) {
            // The database may be down; the rows wait for the next round.
            log.warn("Mail delivery round failed: {}", failure.toString());
        }
    }

    /** Leases a batch, then sends each message outside any transaction and records each outcome in its own. */
    private int deliverBatch() {
        Instant now = clock.instant();
        List<OutgoingMail> due = transactions.execute(status -> outbox.leaseDue(now, BATCH, now.plus(LEASE)));
        for (OutgoingMail mail : due) {
            try {
                MimeMessage message = compose(mail);
                sender.send(message);
                capture.save(mail.id(), message);
                transactions.executeWithoutResult(status -> outbox.delivered(mail.id()));
                if (mail.previewLink() != null) {
                    log.info("Mail to {} sent: {}", mail.recipient(), mail.previewLink());
                }
            } catch (AddressException unaddressable) {
                // No retry can make this address valid (only rows written before the grammar can be).
                deadLetter(mail, unaddressable, now);
            } catch (MailException | MessagingException failure) {
                if (mail.attempts() + 1 >= settings.maxAttempts()) {
                    deadLetter(mail, failure, now);
                    continue;
                }
                Instant retryAt = clock.instant().plus(MailOutbox.backoff(mail.attempts()));
                log.warn("Mail {} not delivered (attempt {}), retrying at {}: {}", mail.id(), mail.attempts() + 1,
                        retryAt, failure.toString());
                transactions.executeWithoutResult(status -> outbox.failed(mail.id(), retryAt, failure.toString()));
            }
        }
        return due.size();
    }

    private void deadLetter(OutgoingMail mail, Exception failure, Instant now) {
        transactions.executeWithoutResult(status -> outbox.deadLetter(mail.id(), failure.toString(), now));
        long total = deadLetters.incrementAndGet();
        log.error("Mail {} given up after {} attempt(s), moved to mail_dead_letter ({} this run): {}", mail.id(),
                mail.attempts() + 1, total, failure.toString());
    }

    private MimeMessage compose(OutgoingMail mail) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(settings.from());
        // Strict, and exactly one mailbox equal to the stored one: never a list or a display name.
        InternetAddress recipient = new InternetAddress(mail.recipient(), true);
        if (!recipient.getAddress().equals(mail.recipient()) || recipient.getPersonal() != null) {
            throw new AddressException("not a single plain mailbox", mail.recipient());
        }
        helper.setTo(recipient);
        helper.setSubject(mail.subject());
        helper.setText(mail.textBody(), mail.htmlBody());
        return message;
    }
}
