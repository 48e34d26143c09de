package org.identityledger.command.account;

import org.identityledger.events.account.AccountErasedEvent;

import org.identityledger.command.staff.ActiveAdmins;
import org.identityledger.command.staff.LastAdminException;
import org.identityledger.events.account.EmailVerifiedEvent;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.identityledger.events.account.AccountDeactivatedEvent;
import org.identityledger.events.account.AccountRegisteredEvent;
import org.identityledger.events.account.AccountReinstatedEvent;
import org.identityledger.events.account.AccountSuspendedEvent;
import org.identityledger.events.account.PasswordChangedEvent;
import org.identityledger.events.account.PasswordResetRequestedEvent;
import org.identityledger.events.account.VerificationTokenIssuedEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class AccountTest {

    private static final String ACCOUNT = "acc_1";
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Duration LIFETIME = Duration.ofHours(24);
    private static final Duration RESET_LIFETIME = Duration.ofMinutes(30);
    private static final LinkTarget LINK = new LinkTarget("/welcome", null);
    private static final String PHC = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA";

    private AggregateTestFixture<Account> fixture;
    private RecordingOutbox outbox;
    private RecordingCredentials credentials;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
        outbox = new RecordingOutbox();
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(new FixedSecrets());
        fixture.registerInjectableResource(outbox);
        fixture.registerInjectableResource(new TokenLifetimes(LIFETIME, RESET_LIFETIME));
        credentials = new RecordingCredentials();
        fixture.registerInjectableResource(credentials);
        fixture.registerInjectableResource((ActiveAdmins) accountRef -> lastActiveAdmin.contains(accountRef));
    }

    /** The accounts the fake admin lookup calls the last active admin. */
    private final java.util.Set<String> lastActiveAdmin = new java.util.HashSet<>();

    @Test
    void cannotSuspendOrDeactivateTheLastActiveAdmin() {
        lastActiveAdmin.add(ACCOUNT);
        fixture.given(registered(), new EmailVerifiedEvent(ACCOUNT, "hash", NOW.minusSeconds(30)))
                .when(new SuspendAccountCommand(ACCOUNT, "mistake", "acc_other"))
                .expectException(LastAdminException.class)
                .expectNoEvents();
        fixture.given(registered(), new EmailVerifiedEvent(ACCOUNT, "hash", NOW.minusSeconds(30)))
                .when(new DeactivateAccountCommand(ACCOUNT, "mistake", ACCOUNT))
                .expectException(LastAdminException.class)
                .expectNoEvents();
    }

    /** The credential table, as the command handlers see it: what they stored, in order. */
    static final class RecordingCredentials implements AccountCredentials {

        final java.util.List<String> written = new java.util.ArrayList<>();

        @Override
        public void store(String accountRef, String passwordHash, Instant at) {
            written.add("store " + accountRef + " " + passwordHash);
        }

        @Override
        public void replace(String accountRef, String passwordHash, Instant at) {
            written.add("replace " + accountRef + " " + passwordHash);
        }

        @Override
        public void erase(String accountRef) {
            written.add("erase " + accountRef);
        }
    }

    @Test
    void erasureDeactivatesThenErasesAndDropsTheHashAndQueuedMail() {
        fixture.given(registered(), new EmailVerifiedEvent(ACCOUNT, "hash", NOW.minusSeconds(30)))
                .when(new EraseAccountCommand(ACCOUNT, "requested by the account holder", ACCOUNT))
                .expectEvents(
                        new AccountDeactivatedEvent(ACCOUNT, "requested by the account holder", ACCOUNT, NOW),
                        new AccountErasedEvent(ACCOUNT, "requested by the account holder", ACCOUNT, NOW));
        assertThat(credentials.written).containsExactly("erase " + ACCOUNT);
        assertThat(outbox.discardedFor).containsExactly("ada@example.com");
    }

    @Test
    void aDeactivatedAccountIsErasedWithoutASecondDeactivation() {
        fixture.given(registered(), new AccountDeactivatedEvent(ACCOUNT, "closed", "acc_staff", NOW.minusSeconds(10)))
                .when(new EraseAccountCommand(ACCOUNT, "data request", "acc_staff"))
                .expectEvents(new AccountErasedEvent(ACCOUNT, "data request", "acc_staff", NOW));
    }

    @Test
    void erasingTwiceChangesNothing() {
        fixture.given(registered(), new AccountDeactivatedEvent(ACCOUNT, "closed", "acc_staff", NOW.minusSeconds(10)),
                        new AccountErasedEvent(ACCOUNT, "data request", "acc_staff", NOW.minusSeconds(5)))
                .when(new EraseAccountCommand(ACCOUNT, "again", "acc_staff"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        assertThat(credentials.written).isEmpty();
    }

    @Test
    void cannotEraseTheLastActiveAdmin() {
        lastActiveAdmin.add(ACCOUNT);
        fixture.given(registered(), new EmailVerifiedEvent(ACCOUNT, "hash", NOW.minusSeconds(30)))
                .when(new EraseAccountCommand(ACCOUNT, "requested by the account holder", ACCOUNT))
                .expectException(LastAdminException.class)
                .expectNoEvents();
        assertThat(credentials.written).isEmpty();
    }

    private static AccountRegisteredEvent registered() {
        return new AccountRegisteredEvent(ACCOUNT, "ada@example.com", "Ada", NOW.minusSeconds(60));
    }

    private static VerificationTokenIssuedEvent issued(String token, Instant expiresAt) {
        return new VerificationTokenIssuedEvent(ACCOUNT, "hash-of-" + token, NOW.minusSeconds(60), expiresAt, "/welcome");
    }

    @Test
    void registrationKeepsTheHashInTheCredentialTableAndOutOfTheLedger() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAccountCommand(ACCOUNT, "ada@example.com", "Ada", PHC, LINK))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new AccountRegisteredEvent(ACCOUNT, "ada@example.com", "Ada", NOW),
                        new VerificationTokenIssuedEvent(ACCOUNT, "hash-of-token-1", NOW, NOW.plus(LIFETIME), "/welcome"));
        assertThat(outbox.mails).singleElement().satisfies(mail -> {
            assertThat(mail.rawToken()).isEqualTo("token-1");
            assertThat(mail.email()).isEqualTo("ada@example.com");
            assertThat(mail.link()).isEqualTo(LINK);
        });
        assertThat(credentials.written).containsExactly("store " + ACCOUNT + " " + PHC);
    }

    @Test
    void canVerifyEmailWithFreshToken() {
        fixture.given(registered(), issued("token-1", NOW.plusSeconds(3600)))
                .when(new VerifyEmailCommand(ACCOUNT, "hash-of-token-1"))
                .expectEvents(new EmailVerifiedEvent(ACCOUNT, "hash-of-token-1", NOW));
    }

    @Test
    void canVerifyWithAnOlderStillValidLinkAfterAResend() {
        fixture.given(registered(), issued("token-1", NOW.plusSeconds(3600)), issued("token-2", NOW.plusSeconds(7200)))
                .when(new VerifyEmailCommand(ACCOUNT, "hash-of-token-1"))
                .expectEvents(new EmailVerifiedEvent(ACCOUNT, "hash-of-token-1", NOW));
    }

    @Test
    void cannotReuseVerificationToken() {
        fixture.given(registered(), issued("token-1", NOW.plusSeconds(3600)),
                        new EmailVerifiedEvent(ACCOUNT, "hash-of-token-1", NOW.minusSeconds(1)))
                .when(new VerifyEmailCommand(ACCOUNT, "hash-of-token-1"))
                .expectNoEvents()
                .expectException(TokenAlreadyUsedException.class);
    }

    @Test
    void cannotUseAnotherOutstandingLinkOnceTheEmailIsVerified() {
        fixture.given(registered(), issued("token-1", NOW.plusSeconds(3600)), issued("token-2", NOW.plusSeconds(3600)),
                        new EmailVerifiedEvent(ACCOUNT, "hash-of-token-1", NOW.minusSeconds(1)))
                .when(new VerifyEmailCommand(ACCOUNT, "hash-of-token-2"))
                .expectNoEvents()
                .expectException(TokenAlreadyUsedException.class);
    }

    @Test
    void cannotVerifyWithExpiredToken() {
        fixture.given(registered(), issued("token-1", NOW))
                .when(new VerifyEmailCommand(ACCOUNT, "hash-of-token-1"))
                .expectNoEvents()
                .expectException(TokenExpiredException.class);
    }

    @Test
    void cannotVerifyWithUnknownToken() {
        fixture.given(registered(), issued("token-1", NOW.plusSeconds(3600)))
                .when(new VerifyEmailCommand(ACCOUNT, "hash-of-something-else"))
                .expectNoEvents()
                .expectException(TokenInvalidException.class);
    }

    @Test
    void canResendVerificationWhilePending() {
        fixture.given(registered(), issued("token-1", NOW.plusSeconds(3600)))
                .when(new ResendVerificationEmailCommand(ACCOUNT, LINK))
                .expectEvents(new VerificationTokenIssuedEvent(ACCOUNT, "hash-of-token-1", NOW, NOW.plus(LIFETIME), "/welcome"));
        assertThat(outbox.mails).singleElement()
                .satisfies(mail -> assertThat(mail.email()).isEqualTo("ada@example.com"));
    }

    @Test
    void resendingForAVerifiedAccountMailsNothing() {
        fixture.given(registered(), issued("token-1", NOW.plusSeconds(3600)),
                        new EmailVerifiedEvent(ACCOUNT, "hash-of-token-1", NOW.minusSeconds(1)))
                .when(new ResendVerificationEmailCommand(ACCOUNT, LINK))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        assertThat(outbox.mails).isEmpty();
    }

    private static PasswordResetRequestedEvent resetRequested(String token, Instant expiresAt) {
        return new PasswordResetRequestedEvent(ACCOUNT, "hash-of-" + token, NOW.minusSeconds(60), expiresAt, "/");
    }

    @Test
    void canRequestAPasswordResetAndGetAMail() {
        fixture.given(registered())
                .when(new RequestPasswordResetCommand(ACCOUNT, new LinkTarget("/", "ios")))
                .expectEvents(new PasswordResetRequestedEvent(ACCOUNT, "hash-of-token-1", NOW, NOW.plus(RESET_LIFETIME), "/"));
        assertThat(outbox.mails).singleElement().satisfies(mail -> {
            assertThat(mail.purpose()).isEqualTo(AccountMail.Purpose.PASSWORD_RESET);
            assertThat(mail.rawToken()).isEqualTo("token-1");
        });
    }

    @Test
    void aSuspendedAccountGetsNoResetMail() {
        fixture.given(registered(), new AccountSuspendedEvent(ACCOUNT, "abuse", "acc_staff", NOW.minusSeconds(1)))
                .when(new RequestPasswordResetCommand(ACCOUNT, new LinkTarget("/", null)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        assertThat(outbox.mails).isEmpty();
    }

    @Test
    void canResetThePasswordWithAFreshToken() {
        fixture.given(registered(), resetRequested("token-1", NOW.plusSeconds(600)))
                .when(new ResetPasswordCommand(ACCOUNT, "hash-of-token-1", "new-phc"))
                .expectEvents(new PasswordChangedEvent(ACCOUNT, "hash-of-token-1", NOW));
        assertThat(credentials.written).containsExactly("replace " + ACCOUNT + " new-phc");
    }

    @Test
    void cannotResetThePasswordOfASuspendedAccount() {
        fixture.given(registered(), resetRequested("token-1", NOW.plusSeconds(600)),
                        new AccountSuspendedEvent(ACCOUNT, "under investigation", "acc_staff", NOW.minusSeconds(1)))
                .when(new ResetPasswordCommand(ACCOUNT, "hash-of-token-1", "new-phc"))
                .expectNoEvents()
                .expectException(AccountSuspendedException.class);
        assertThat(credentials.written).isEmpty();
    }

    @Test
    void cannotReuseAResetToken() {
        fixture.given(registered(), resetRequested("token-1", NOW.plusSeconds(600)),
                        new PasswordChangedEvent(ACCOUNT, "hash-of-token-1", NOW.minusSeconds(1)))
                .when(new ResetPasswordCommand(ACCOUNT, "hash-of-token-1", "newer-phc"))
                .expectNoEvents()
                .expectException(TokenAlreadyUsedException.class);
    }

    @Test
    void aResetSpendsEveryOtherOutstandingResetLink() {
        fixture.given(registered(), resetRequested("token-1", NOW.plusSeconds(600)), resetRequested("token-2", NOW.plusSeconds(600)),
                        new PasswordChangedEvent(ACCOUNT, "hash-of-token-2", NOW.minusSeconds(1)))
                .when(new ResetPasswordCommand(ACCOUNT, "hash-of-token-1", "newer-phc"))
                .expectNoEvents()
                .expectException(TokenAlreadyUsedException.class);
    }

    @Test
    void cannotResetWithAnExpiredToken() {
        fixture.given(registered(), resetRequested("token-1", NOW))
                .when(new ResetPasswordCommand(ACCOUNT, "hash-of-token-1", "new-phc"))
                .expectNoEvents()
                .expectException(TokenExpiredException.class);
    }

    @Test
    void aVerificationTokenIsNoResetToken() {
        fixture.given(registered(), issued("token-1", NOW.plusSeconds(600)))
                .when(new ResetPasswordCommand(ACCOUNT, "hash-of-token-1", "new-phc"))
                .expectNoEvents()
                .expectException(TokenInvalidException.class);
    }

    @Test
    void canSuspendAnActiveAccount() {
        fixture.given(registered(), issued("token-1", NOW.plusSeconds(3600)),
                        new EmailVerifiedEvent(ACCOUNT, "hash-of-token-1", NOW.minusSeconds(1)))
                .when(new SuspendAccountCommand(ACCOUNT, "abuse report", "acc_staff"))
                .expectEvents(new AccountSuspendedEvent(ACCOUNT, "abuse report", "acc_staff", NOW));
    }

    @Test
    void suspendingTwiceChangesNothing() {
        fixture.given(registered(), new AccountSuspendedEvent(ACCOUNT, "abuse report", "acc_staff", NOW.minusSeconds(1)))
                .when(new SuspendAccountCommand(ACCOUNT, "again", "acc_staff"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void canReinstateASuspendedAccount() {
        fixture.given(registered(), new AccountSuspendedEvent(ACCOUNT, "abuse report", "acc_staff", NOW.minusSeconds(1)))
                .when(new ReinstateAccountCommand(ACCOUNT, "cleared", "acc_staff"))
                .expectEvents(new AccountReinstatedEvent(ACCOUNT, "cleared", "acc_staff", NOW));
    }

    @Test
    void cannotReinstateAnAccountThatIsNotSuspended() {
        fixture.given(registered())
                .when(new ReinstateAccountCommand(ACCOUNT, "cleared", "acc_staff"))
                .expectNoEvents()
                .expectException(IllegalAccountTransitionException.class);
    }

    @Test
    void canDeactivateAnAccount() {
        fixture.given(registered())
                .when(new DeactivateAccountCommand(ACCOUNT, "closed by holder", "acc_staff"))
                .expectEvents(new AccountDeactivatedEvent(ACCOUNT, "closed by holder", "acc_staff", NOW));
    }

    @Test
    void cannotSuspendADeactivatedAccount() {
        fixture.given(registered(), new AccountDeactivatedEvent(ACCOUNT, "closed", "acc_staff", NOW.minusSeconds(1)))
                .when(new SuspendAccountCommand(ACCOUNT, "late", "acc_staff"))
                .expectNoEvents()
                .expectException(IllegalAccountTransitionException.class);
    }

    @Test
    void cannotReinstateADeactivatedAccount() {
        fixture.given(registered(), new AccountDeactivatedEvent(ACCOUNT, "closed", "acc_staff", NOW.minusSeconds(1)))
                .when(new ReinstateAccountCommand(ACCOUNT, "cleared", "acc_staff"))
                .expectNoEvents()
                .expectException(IllegalAccountTransitionException.class);
    }

    @Test
    void sellerNeedsAVerifiedEmail() {
        fixture.given(registered())
                .when(new ActivateSellerCapabilityCommand(ACCOUNT))
                .expectNoEvents()
                .expectException(EmailNotVerifiedException.class);
    }

    @Test
    void aVerifiedAccountMayStartSellingOnce() {
        fixture.given(registered(), new EmailVerifiedEvent(ACCOUNT, "hash-of-token-1", NOW.minusSeconds(30)))
                .when(new ActivateSellerCapabilityCommand(ACCOUNT))
                .expectEvents(new org.identityledger.events.account.SellerCapabilityActivatedEvent(ACCOUNT, NOW));
        fixture.given(registered(), new EmailVerifiedEvent(ACCOUNT, "hash-of-token-1", NOW.minusSeconds(30)),
                        new org.identityledger.events.account.SellerCapabilityActivatedEvent(ACCOUNT, NOW.minusSeconds(10)))
                .when(new ActivateSellerCapabilityCommand(ACCOUNT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aSuspendedAccountCannotStartSelling() {
        fixture.given(registered(), new EmailVerifiedEvent(ACCOUNT, "hash-of-token-1", NOW.minusSeconds(30)),
                        new org.identityledger.events.account.AccountSuspendedEvent(ACCOUNT, "abuse", "acc_staff", NOW.minusSeconds(5)))
                .when(new ActivateSellerCapabilityCommand(ACCOUNT))
                .expectNoEvents()
                .expectException(AccountSuspendedException.class);
    }
}
