package org.identityledger.command.session;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads the command side's session lookups, kept by {@link SessionLookupProjection}. */
@Component
public class SessionLookup {

    private final JdbcTemplate jdbc;

    public SessionLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<RefreshTokenOwner> refreshTokenOwner(String tokenHash) {
        return jdbc.query("SELECT session_id, account_ref FROM refresh_token_lookup WHERE token_hash = ?",
                (row, index) -> new RefreshTokenOwner(row.getString(1), row.getString(2)), tokenHash).stream().findFirst();
    }

    /**
     * The account's live sessions, after taking its lookup row exclusively, so that no session can
     * start for it between this list and the end of the caller's transaction.
     */
    public List<String> lockAndListLiveSessionIdsOf(String accountRef) {
        jdbc.queryForList("SELECT account_ref FROM account_lookup WHERE account_ref = ? FOR UPDATE", String.class, accountRef);
        return jdbc.queryForList("SELECT session_id FROM session_lookup WHERE account_ref = ? AND NOT revoked",
                String.class, accountRef);
    }

    /** The account's sessions that are neither revoked nor past their absolute expiry, newest first. */
    public List<String> unexpiredSessionIdsOf(String accountRef, Instant now) {
        return jdbc.queryForList("SELECT session_id FROM session_lookup WHERE account_ref = ? AND NOT revoked"
                + " AND expires_at > ? ORDER BY started_at DESC, session_id DESC", String.class, accountRef, Timestamp.from(now));
    }

    public record RefreshTokenOwner(String sessionId, String accountRef) {
    }
}
