package org.identityledger.command.account;

import org.identityledger.events.account.AccountState;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Reads the command side's own lookup tables (maintained by {@link AccountLookupProjection} in the
 * same transaction as the events). Never the query side: decisions must not depend on projections.
 */
@Component
public class AccountLookup {

    private final JdbcTemplate jdbc;

    public AccountLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<AccountCredential> findByEmail(String normalizedEmail) {
        return jdbc.query("SELECT l.account_ref, c.password_hash, c.credential_version, l.state FROM account_lookup l"
                        + " JOIN account_credential c ON c.account_ref = l.account_ref WHERE l.email_normalized = ?",
                (row, index) -> new AccountCredential(row.getString(1), row.getString(2), row.getLong(3),
                        AccountState.fromWireName(row.getString(4))),
                normalizedEmail).stream().findFirst();
    }

    /** The account's current password hash (none once erased), for a holder confirming an action with it. */
    public Optional<String> passwordHashOf(String accountRef) {
        return jdbc.queryForList("SELECT password_hash FROM account_credential WHERE account_ref = ?", String.class, accountRef)
                .stream().findFirst();
    }

    /** Whether the account has proven its email address (false for an unknown account). */
    public boolean hasVerifiedEmail(String accountRef) {
        return jdbc.queryForList("SELECT email_verified FROM account_lookup WHERE account_ref = ?", Boolean.class, accountRef)
                .stream().findFirst().orElse(false);
    }

    public Optional<String> normalizedEmailOf(String accountRef) {
        return jdbc.queryForList("SELECT email_normalized FROM account_lookup WHERE account_ref = ?", String.class, accountRef)
                .stream().findFirst();
    }

    /** The account with this (normalised) address, if it has verified it. */
    public Optional<String> verifiedAccountWithEmail(String normalizedEmail) {
        return jdbc.queryForList("SELECT account_ref FROM account_lookup WHERE email_normalized = ? AND email_verified",
                String.class, normalizedEmail).stream().findFirst();
    }

    public Optional<IssuedToken> verificationToken(String tokenHash) {
        return issuedToken("verification_token_lookup", tokenHash);
    }

    public Optional<IssuedToken> passwordResetToken(String tokenHash) {
        return issuedToken("password_reset_token_lookup", tokenHash);
    }

    private Optional<IssuedToken> issuedToken(String table, String tokenHash) {
        return jdbc.query("SELECT account_ref, next_path FROM " + table + " WHERE token_hash = ?",
                (row, index) -> new IssuedToken(row.getString(1), row.getString(2)),
                tokenHash).stream().findFirst();
    }
}
