package org.identityledger.query.account;

import org.identityledger.events.account.AccountDeactivatedEvent;
import org.identityledger.events.account.AccountRegisteredEvent;
import org.identityledger.events.account.AccountReinstatedEvent;
import org.identityledger.events.account.AccountSuspendedEvent;
import org.identityledger.events.account.EmailVerifiedEvent;
import org.identityledger.query.support.ProjectionDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Events in, account_view rows out: the states follow the one state machine. */
class AccountProjectionTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final JdbcTemplate jdbc = ProjectionDatabase.jdbc();
    private final AccountProjection projection = new AccountProjection(jdbc);
    private final String account = "acc_" + UUID.randomUUID();

    private String state() {
        return jdbc.queryForObject("SELECT state FROM account_view WHERE account_ref = ?", String.class, account);
    }

    @Test
    void aRegisteredAccountWaitsForItsEmailAndKeepsItsCase() {
        projection.on(new AccountRegisteredEvent(account, "Ada@Example.com", "Ada", NOW));

        assertThat(state()).isEqualTo("pending_verification");
        assertThat(jdbc.queryForObject("SELECT email FROM account_view WHERE account_ref = ?", String.class, account))
                .isEqualTo("Ada@Example.com");
    }

    @Test
    void verifyingActivatesAPendingAccount() {
        projection.on(new AccountRegisteredEvent(account, "ada@example.com", "Ada", NOW));
        projection.on(new EmailVerifiedEvent(account, "a".repeat(64), NOW.plusSeconds(1)));

        assertThat(state()).isEqualTo("active");
        assertThat(jdbc.queryForObject("SELECT email_verified FROM account_view WHERE account_ref = ?", Boolean.class, account)).isTrue();
    }

    @Test
    void verifyingWhileSuspendedKeepsTheSuspensionAndReinstatingActivates() {
        projection.on(new AccountRegisteredEvent(account, "ada@example.com", "Ada", NOW));
        projection.on(new AccountSuspendedEvent(account, "abuse", "acc_staff", NOW.plusSeconds(1)));
        projection.on(new EmailVerifiedEvent(account, "a".repeat(64), NOW.plusSeconds(2)));
        assertThat(state()).isEqualTo("suspended");

        projection.on(new AccountReinstatedEvent(account, "cleared", "acc_staff", NOW.plusSeconds(3)));
        assertThat(state()).isEqualTo("active");
    }

    @Test
    void reinstatingAnUnverifiedAccountReturnsItToPending() {
        projection.on(new AccountRegisteredEvent(account, "ada@example.com", "Ada", NOW));
        projection.on(new AccountSuspendedEvent(account, "abuse", "acc_staff", NOW.plusSeconds(1)));
        projection.on(new AccountReinstatedEvent(account, "cleared", "acc_staff", NOW.plusSeconds(2)));

        assertThat(state()).isEqualTo("pending_verification");
    }

    @Test
    void deactivationIsRecorded() {
        projection.on(new AccountRegisteredEvent(account, "ada@example.com", "Ada", NOW));
        projection.on(new AccountDeactivatedEvent(account, "closed", "acc_staff", NOW.plusSeconds(1)));

        assertThat(state()).isEqualTo("deactivated");
    }
}
