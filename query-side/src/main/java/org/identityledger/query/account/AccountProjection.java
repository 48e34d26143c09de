package org.identityledger.query.account;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.identityledger.events.account.AccountDeactivatedEvent;
import org.identityledger.events.account.AccountErasedEvent;
import org.identityledger.events.sealing.SealedFields;
import org.identityledger.events.account.AccountRegisteredEvent;
import org.identityledger.events.account.AccountState;
import org.identityledger.events.account.AccountReinstatedEvent;
import org.identityledger.events.account.AccountSuspendedEvent;
import org.identityledger.events.account.SellerCapabilityActivatedEvent;
import org.identityledger.events.account.EmailVerifiedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * Projects account events into account_view, synchronously, so /me never lags a signup. One
 * statement per event, no entity loads: a projection rebuild replays the whole store through here.
 */
@Component
@ProcessingGroup(AccountProjection.PROCESSING_GROUP)
public class AccountProjection {

    private static final String ERASED = SealedFields.ERASED;

    public static final String PROCESSING_GROUP = "account-view";

    private final JdbcTemplate jdbc;

    AccountProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The same handlers writing through another template: a rebuild's, which batches its statements into a shadow copy. */
    public static AccountProjection writingThrough(JdbcTemplate jdbc) {
        return new AccountProjection(jdbc);
    }

    @EventHandler
    void on(AccountRegisteredEvent event) {
        Timestamp at = Timestamp.from(event.registeredAt());
        jdbc.update("INSERT INTO account_view (account_ref, email, display_name, state, email_verified, registered_at,"
                        + " updated_at) VALUES (?, ?, ?, ?, false, ?, ?)",
                event.accountRef(), event.email(), event.displayName(), AccountState.PENDING_VERIFICATION.wireName(), at, at);
    }

    @EventHandler
    void on(EmailVerifiedEvent event) {
        AccountState state = AccountState.fromWireName(jdbc.queryForObject(
                "SELECT state FROM account_view WHERE account_ref = ?", String.class, event.accountRef()));
        jdbc.update("UPDATE account_view SET email_verified = true, updated_at = ?, state = ? WHERE account_ref = ?",
                Timestamp.from(event.verifiedAt()), state.afterEmailVerified().wireName(), event.accountRef());
    }

    /** The seller flag lives in account_view, so the projection that owns the table writes it (a rebuild replays one owner). */
    @EventHandler
    void on(SellerCapabilityActivatedEvent event) {
        jdbc.update("UPDATE account_view SET seller = true WHERE account_ref = ?", event.accountRef());
    }

    @EventHandler
    void on(AccountSuspendedEvent event) {
        changeState(event.accountRef(), AccountState.SUSPENDED, event.suspendedAt());
    }

    @EventHandler
    void on(AccountReinstatedEvent event) {
        boolean emailVerified = Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT email_verified FROM account_view WHERE account_ref = ?", Boolean.class, event.accountRef()));
        changeState(event.accountRef(), AccountState.afterReinstated(emailVerified), event.reinstatedAt());
    }

    @EventHandler
    void on(AccountDeactivatedEvent event) {
        changeState(event.accountRef(), AccountState.DEACTIVATED, event.deactivatedAt());
    }

    /** Erasure anonymises the row in the erasure's transaction; the ref, state and dates stay for admins and auditors. */
    @EventHandler
    void on(AccountErasedEvent event) {
        jdbc.update("UPDATE account_view SET email = ?, display_name = CASE WHEN display_name IS NULL THEN NULL ELSE ? END,"
                + " updated_at = ? WHERE account_ref = ?", ERASED, ERASED, Timestamp.from(event.erasedAt()), event.accountRef());
    }

    private void changeState(String accountRef, AccountState state, Instant at) {
        jdbc.update("UPDATE account_view SET state = ?, updated_at = ? WHERE account_ref = ?",
                state.wireName(), Timestamp.from(at), accountRef);
    }
}
