package org.identityledger.infrastructure.mail;

import org.identityledger.command.port.MailBackloggedException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The mail outbox table. Rows are written inside the command's transaction and deleted once SMTP
 * accepted them, or moved to mail_dead_letter (without their bodies) when attempts run out; raw
 * one-time tokens exist only here, and only until then. The table is bounded: at capacity a new
 * mail is refused, which refuses the whole command, rather than growing without limit.
 */
@Component
public class MailOutbox {

    private final JdbcTemplate jdbc;
    private final MailSettings settings;

    MailOutbox(JdbcTemplate jdbc, MailSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** Set while work that a request already answered 202 for runs; see {@link #addForAcceptedRequest}. */
    private static final ThreadLocal<Boolean> ACCEPTED_REQUEST = ThreadLocal.withInitial(() -> false);

    /**
     * Runs work whose request passed {@link #checkRoom()} and was answered 202: its mail is not refused
     * again, so accepted work is never dropped. The overshoot is bounded by the background queue.
     */
    public static void addForAcceptedRequest(Runnable work) {
        ACCEPTED_REQUEST.set(true);
        try {
            work.run();
        } finally {
            ACCEPTED_REQUEST.remove();
        }
    }

    /** Refuses before a request is accepted for later work, so that work is never dropped once answered. */
    public void checkRoom() {
        // A soft bound: concurrent requests may overshoot it by their number, never without limit.
        Long waiting = jdbc.queryForObject("SELECT count(*) FROM mail_outbox", Long.class);
        if (waiting != null && waiting >= settings.outboxCapacity()) {
            throw new MailBackloggedException();
        }
    }

    void add(String recipient, String subject, String textBody, String htmlBody, String previewLink, Instant now) {
        if (!ACCEPTED_REQUEST.get()) {
            checkRoom();
        }
        jdbc.update("INSERT INTO mail_outbox (recipient, subject, text_body, html_body, preview_link, created_at,"
                        + " next_attempt_at, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, 0)",
                recipient, subject, textBody, htmlBody, previewLink, Timestamp.from(now), Timestamp.from(now));
    }

    /** Locks due rows so that several instances never send the same message twice at once. */
    /**
     * Takes up to {@code limit} due messages for this instance until {@code leaseUntil}, in one short
     * statement: no lock and no transaction stays open while SMTP is talked to, so a silent server can
     * neither pin a connection nor outlast the transaction timeout. A message whose sender died
     * mid-lease is simply due again when the lease ends (delivery is at least once, as before).
     */
    List<OutgoingMail> leaseDue(Instant now, int limit, Instant leaseUntil) {
        return jdbc.query("UPDATE mail_outbox SET next_attempt_at = ? WHERE id IN (SELECT id FROM mail_outbox"
                        + " WHERE next_attempt_at <= ? ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)"
                        + " RETURNING id, recipient, subject, text_body, html_body, preview_link, attempts",
                (row, index) -> new OutgoingMail(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getInt(7)),
                Timestamp.from(leaseUntil), Timestamp.from(now), limit);
    }

    /** Erasure: whatever is still queued for, or dead-lettered to, the address goes with it. */
    void discardTo(String recipient) {
        jdbc.update("DELETE FROM mail_outbox WHERE lower(recipient) = lower(?)", recipient);
        jdbc.update("DELETE FROM mail_dead_letter WHERE lower(recipient) = lower(?)", recipient);
    }

    void delivered(long id) {
        jdbc.update("DELETE FROM mail_outbox WHERE id = ?", id);
    }

    void failed(long id, Instant retryAt, String error) {
        jdbc.update("UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?",
                Timestamp.from(retryAt), error, id);
    }

    /** Ends the retries: the row leaves the outbox, its bodies (possibly with a raw token) are not kept. */
    void deadLetter(long id, String error, Instant now) {
        jdbc.update("INSERT INTO mail_dead_letter (id, recipient, subject, created_at, attempts, last_error,"
                        + " dead_lettered_at) SELECT id, recipient, subject, created_at, attempts + 1, ?, ?"
                        + " FROM mail_outbox WHERE id = ?", error, Timestamp.from(now), id);
        jdbc.update("DELETE FROM mail_outbox WHERE id = ?", id);
    }

    long deadLetterCount() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM mail_dead_letter", Long.class);
        return count == null ? 0 : count;
    }

    static Duration backoff(int attempts) {
        return Duration.ofSeconds(Math.min(300, 1L << Math.min(attempts, 9)));
    }
}
