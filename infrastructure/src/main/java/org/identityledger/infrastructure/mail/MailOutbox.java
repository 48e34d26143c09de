package org.identityledger.infrastructure.mail;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The mail outbox table. Rows are written inside the command's transaction and deleted once SMTP
 * accepted them; raw one-time tokens exist only here, and only until delivery.
 */
@Component
class MailOutbox {

    private final JdbcTemplate jdbc;

    MailOutbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(String recipient, String subject, String textBody, String htmlBody, String previewLink, Instant now) {
        jdbc.update("INSERT INTO mail_outbox (recipient, subject, text_body, html_body, preview_link, created_at,"
                        + " next_attempt_at, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, 0)",
                recipient, subject, textBody, htmlBody, previewLink, Timestamp.from(now), Timestamp.from(now));
    }

    /** Locks due rows so that several instances never send the same message twice at once. */
    List<OutgoingMail> claimDue(Instant now, int limit) {
        return jdbc.query("SELECT id, recipient, subject, text_body, html_body, preview_link, attempts FROM mail_outbox"
                        + " WHERE next_attempt_at <= ? ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED",
                (row, index) -> new OutgoingMail(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getInt(7)),
                Timestamp.from(now), limit);
    }

    void delivered(long id) {
        jdbc.update("DELETE FROM mail_outbox WHERE id = ?", id);
    }

    void failed(long id, Instant retryAt, String error) {
        jdbc.update("UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?",
                Timestamp.from(retryAt), error, id);
    }

    static Duration backoff(int attempts) {
        return Duration.ofSeconds(Math.min(300, 1L << Math.min(attempts, 9)));
    }
}
