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

    public Optional<IssuedVerificationToken> verificationToken(String tokenHash) {
        return jdbc.query("SELECT account_ref, next_path FROM verification_token_lookup WHERE token_hash = ?",
                (row, index) -> new IssuedVerificationToken(row.getString(1), row.getString(2)),
                tokenHash).stream().findFirst();
    }
}
