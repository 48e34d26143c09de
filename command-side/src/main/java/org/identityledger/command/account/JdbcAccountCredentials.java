package org.identityledger.command.account;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * The credential table. The UPDATE takes the row's lock, so a sign-in that holds it (see
 * {@code SessionStartGuard}) finishes first and is revoked with the others, or waits and sees the new version.
 */
@Component
class JdbcAccountCredentials implements AccountCredentials {

    private final JdbcTemplate jdbc;

    JdbcAccountCredentials(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void store(String accountRef, String passwordHash, Instant at) {
        jdbc.update("INSERT INTO account_credential (account_ref, password_hash, credential_version, changed_at)"
                + " VALUES (?, ?, 1, ?)", accountRef, passwordHash, Timestamp.from(at));
    }

    @Override
    public void replace(String accountRef, String passwordHash, Instant at) {
        int updated = jdbc.update("UPDATE account_credential SET password_hash = ?, credential_version = credential_version + 1,"
                + " changed_at = ? WHERE account_ref = ?", passwordHash, Timestamp.from(at), accountRef);
        if (updated != 1) {
            throw new AccountNotFoundException();
        }
    }

    /**
     * Takes the account's lookup row first, then the credential: the order in which a sign-in's guard
     * locks them (lookup, then credential), so an erasure racing a sign-in waits for it or makes it
     * wait, and never deadlocks with it (the erasure updates the lookup row later in its transaction).
     */
    @Override
    public void erase(String accountRef) {
        jdbc.queryForList("SELECT account_ref FROM account_lookup WHERE account_ref = ? FOR UPDATE", String.class, accountRef);
        jdbc.update("DELETE FROM account_credential WHERE account_ref = ?", accountRef);
    }
}
