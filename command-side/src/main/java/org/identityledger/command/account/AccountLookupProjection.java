package org.identityledger.command.account;

import org.identityledger.events.account.AccountState;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.identityledger.events.account.AccountDeactivatedEvent;
import org.identityledger.events.account.AccountErasedEvent;
import org.identityledger.events.sealing.SealedFields;
import org.identityledger.events.account.AccountRegisteredEvent;
import org.identityledger.events.account.AccountReinstatedEvent;
import org.identityledger.events.account.AccountSuspendedEvent;
import org.identityledger.events.account.EmailVerifiedEvent;
import org.identityledger.events.account.PasswordResetRequestedEvent;
import org.identityledger.events.account.VerificationTokenIssuedEvent;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the command side's lookups (email → account, verification and reset token hash → account) in the very transaction
 * that appends the events: the UNIQUE constraint on the normalised email is what makes two racing
 * signups end in exactly one account, and a failure here rolls the events back with it.
 */
@Component
@ProcessingGroup(AccountLookupProjection.PROCESSING_GROUP)
public class AccountLookupProjection {

    public static final String PROCESSING_GROUP = "account-lookup";

    private final JdbcTemplate jdbc;

    public AccountLookupProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccountRegisteredEvent event) {
        try {
            // Replayed after an erasure, the address reads "[erased]": the row takes the released stand-in.
            String email = SealedFields.ERASED.equals(event.email()) ? releasedAddress(event.accountRef())
                    : EmailAddress.normalize(event.email());
            jdbc.update("INSERT INTO account_lookup (account_ref, email_normalized, state, email_verified)"
                            + " VALUES (?, ?, ?, false)",
                    event.accountRef(), email, AccountState.PENDING_VERIFICATION.wireName());
        } catch (DuplicateKeyException alreadyClaimed) {
            throw new EmailAlreadyRegisteredException();
        }
    }

    /** A token whose hash was erased with its account (a replay after the erasure) can never be looked up: no row. */
    @EventHandler
    void on(VerificationTokenIssuedEvent event) {
        if (SealedFields.ERASED.equals(event.tokenHash())) {
            return;
        }
        jdbc.update("INSERT INTO verification_token_lookup (token_hash, account_ref, expires_at, next_path)"
                        + " VALUES (?, ?, ?, ?)",
                event.tokenHash(), event.accountRef(), java.sql.Timestamp.from(event.expiresAt()), event.nextPath());
    }

    @EventHandler
    void on(PasswordResetRequestedEvent event) {
        if (SealedFields.ERASED.equals(event.tokenHash())) {
            return;
        }
        jdbc.update("INSERT INTO password_reset_token_lookup (token_hash, account_ref, expires_at, next_path)"
                        + " VALUES (?, ?, ?, ?)",
                event.tokenHash(), event.accountRef(), java.sql.Timestamp.from(event.expiresAt()), event.nextPath());
    }

    @EventHandler
    void on(EmailVerifiedEvent event) {
        AccountState state = currentState(event.accountRef());
        jdbc.update("UPDATE account_lookup SET email_verified = true, state = ? WHERE account_ref = ?",
                state.afterEmailVerified().wireName(), event.accountRef());
    }

    @EventHandler
    void on(AccountSuspendedEvent event) {
        setState(event.accountRef(), AccountState.SUSPENDED);
    }

    @EventHandler
    void on(AccountReinstatedEvent event) {
        boolean emailVerified = Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT email_verified FROM account_lookup WHERE account_ref = ?", Boolean.class, event.accountRef()));
        setState(event.accountRef(), AccountState.afterReinstated(emailVerified));
    }

    @EventHandler
    void on(AccountDeactivatedEvent event) {
        setState(event.accountRef(), AccountState.DEACTIVATED);
    }

    /**
     * Erasure releases the address (it may sign up again) but keeps the account's row, so the ref stays
     * known to admins and auditors; the stand-in cannot be an address (no '@'), so no sign-in finds it.
     */
    @EventHandler
    void on(AccountErasedEvent event) {
        jdbc.update("UPDATE account_lookup SET email_normalized = ? WHERE account_ref = ?",
                releasedAddress(event.accountRef()), event.accountRef());
        jdbc.update("DELETE FROM verification_token_lookup WHERE account_ref = ?", event.accountRef());
        jdbc.update("DELETE FROM password_reset_token_lookup WHERE account_ref = ?", event.accountRef());
    }

    /** What an erased account's row holds instead of an address: unique, and no address (no '@'). */
    private static String releasedAddress(String accountRef) {
        return "erased:" + accountRef;
    }

    private AccountState currentState(String accountRef) {
        return AccountState.fromWireName(jdbc.queryForObject("SELECT state FROM account_lookup WHERE account_ref = ?",
                String.class, accountRef));
    }

    private void setState(String accountRef, AccountState state) {
        jdbc.update("UPDATE account_lookup SET state = ? WHERE account_ref = ?", state.wireName(), accountRef);
    }
}
