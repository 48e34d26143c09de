package org.identityledger.command.account;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Locale;
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
        return jdbc.query("SELECT account_ref, password_hash, state FROM account_lookup WHERE email_normalized = ?",
                (row, index) -> new AccountCredential(row.getString(1), row.getString(2),
                        AccountState.valueOf(row.getString(3).toUpperCase(Locale.ROOT))),
                normalizedEmail).stream().findFirst();
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
