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

    /**
     * The live business sessions of one business (of one member, when {@code accountRef} is given),
     * after locking what a business session start confirms under a share lock: the member row (or,
     * for the whole business, its lookup row). A start that confirmed the old state has committed
     * by now and is listed; a later one waits and sees the change.
     */
    public List<String> lockAndListLiveBusinessSessionIds(String businessId, String accountRef) {
        if (accountRef != null) {
            jdbc.queryForList("SELECT account_ref FROM business_member_lookup WHERE business_id = ? AND account_ref = ? FOR UPDATE",
                    String.class, businessId, accountRef);
            return jdbc.queryForList("SELECT session_id FROM session_lookup WHERE business_id = ? AND account_ref = ?"
                    + " AND NOT revoked", String.class, businessId, accountRef);
        }
        jdbc.queryForList("SELECT business_id FROM business_handle_lookup WHERE business_id = ? FOR UPDATE", String.class, businessId);
        return jdbc.queryForList("SELECT session_id FROM session_lookup WHERE business_id = ? AND NOT revoked", String.class, businessId);
    }

    /**
     * The account's live staff sessions if, without the role just revoked, it holds no staff role
     * (none otherwise), after locking its grant rows the way a staff session start confirms them.
     * The revoked role is left out explicitly: whether the grant lookup has already deleted its row
     * in this transaction depends on the order the handlers run in.
     */
    public List<String> lockAndListStaffSessionIdsWithoutGrant(String accountRef, String revokedRole) {
        jdbc.queryForList("SELECT role FROM staff_grant_lookup WHERE account_ref = ? FOR UPDATE", String.class, accountRef);
        List<String> remaining = jdbc.queryForList("SELECT role FROM staff_grant_lookup WHERE account_ref = ? AND role <> ?",
                String.class, accountRef, revokedRole);
        if (!remaining.isEmpty()) {
            return List.of();
        }
        return jdbc.queryForList("SELECT session_id FROM session_lookup WHERE account_ref = ? AND context = 'staff' AND NOT revoked",
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
