package org.identityledger.command.account;

import org.identityledger.command.staff.ActiveAdmins;
import org.identityledger.command.staff.LastAdminException;

import org.identityledger.events.account.AccountState;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.identityledger.command.common.Secrets;
import org.identityledger.events.account.AccountDeactivatedEvent;
import org.identityledger.events.account.AccountErasedEvent;
import org.identityledger.events.account.AccountRegisteredEvent;
import org.identityledger.events.account.AccountReinstatedEvent;
import org.identityledger.events.account.AccountSuspendedEvent;
import org.identityledger.events.account.EmailVerifiedEvent;
import org.identityledger.events.account.PasswordChangedEvent;
import org.identityledger.events.account.PasswordResetRequestedEvent;
import org.identityledger.events.account.SellerCapabilityActivatedEvent;
import org.identityledger.events.account.VerificationTokenIssuedEvent;

import java.time.Clock;
import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A person's identity: registration, email proof, credentials and the account state machine. Email
 * uniqueness is not decided here (it spans accounts) but by the command-side email lookup in the
 * same transaction.
 */
@Aggregate
public class Account {

    @AggregateIdentifier
    private String accountRef;
    private String email;
    private String displayName;
    private AccountState state;
    private boolean emailVerified;
    private boolean seller;
    private boolean erased;
    private final OneTimeTokens verificationTokens = new OneTimeTokens();
    private final OneTimeTokens resetTokens = new OneTimeTokens();

    protected Account() {
        // Axon rebuilds the aggregate from its events.
    }

    @CommandHandler
    public Account(RegisterAccountCommand command, Clock clock, Secrets secrets,
                   AccountMailOutbox outbox, TokenLifetimes lifetimes, AccountCredentials credentials) {
        Instant now = clock.instant();
        // The hash goes to the credential table in this transaction, never into the ledger.
        credentials.store(command.accountRef(), command.passwordHash(), now);
        apply(new AccountRegisteredEvent(command.accountRef(), command.email(), command.displayName(), now));
        // Inside a constructor Axon applies events only after it returns, so pass the facts explicitly.
        // A new address is unverified: its mail carries no display name (see recipient()).
        Recipient recipient = new Recipient(command.accountRef(), command.email(), null);
        issueVerificationToken(recipient, command.linkTarget(), now, secrets, outbox, lifetimes);
    }

    @CommandHandler
    public void handle(ResendVerificationEmailCommand command, Clock clock, Secrets secrets,
                       AccountMailOutbox outbox, TokenLifetimes lifetimes) {
        if (emailVerified || state == AccountState.DEACTIVATED) {
            // Nothing to prove; the endpoint answers 202 either way so it reveals nothing.
            return;
        }
        issueVerificationToken(recipient(), command.linkTarget(), clock.instant(), secrets, outbox, lifetimes);
    }

    @CommandHandler
    public void handle(VerifyEmailCommand command, Clock clock) {
        Instant now = clock.instant();
        verificationTokens.checkRedeemable(command.tokenHash(), now);
        apply(new EmailVerifiedEvent(accountRef, command.tokenHash(), now));
    }

    @CommandHandler
    public void handle(RequestPasswordResetCommand command, Clock clock, Secrets secrets,
                       AccountMailOutbox outbox, TokenLifetimes lifetimes) {
        if (state == AccountState.DEACTIVATED || state == AccountState.SUSPENDED) {
            // The endpoint answers 202 either way; a closed account gets no mail.
            return;
        }
        Instant now = clock.instant();
        Secrets.IssuedSecret token = secrets.issue();
        Instant expiresAt = now.plus(lifetimes.passwordReset());
        apply(new PasswordResetRequestedEvent(accountRef, token.hash(), now, expiresAt, command.linkTarget().nextPath()));
        outbox.enqueue(new AccountMail(AccountMail.Purpose.PASSWORD_RESET, accountRef, email, recipient().displayName(),
                token.raw(), expiresAt, command.linkTarget(), null));
    }

    @CommandHandler
    public void handle(ResetPasswordCommand command, Clock clock, AccountCredentials credentials,
                       AccountMailOutbox outbox) {
        Instant now = clock.instant();
        resetTokens.checkRedeemable(command.tokenHash(), now);
        if (state == AccountState.DEACTIVATED) {
            throw new TokenInvalidException();
        }
        if (state == AccountState.SUSPENDED) {
            // A suspension freezes the credential too: whoever holds the mailbox (perhaps the very
            // reason for the suspension) must not change it, and a reset never reinstates access.
            throw new AccountSuspendedException();
        }
        credentials.replace(accountRef, command.newPasswordHash(), now);
        apply(new PasswordChangedEvent(accountRef, command.tokenHash(), now));
        outbox.enqueue(AccountMail.passwordChanged(accountRef, email));
    }

    /** Selling needs a proven email address and an account in good standing; activating twice changes nothing. */
    @CommandHandler
    public void handle(ActivateSellerCapabilityCommand command, Clock clock) {
        if (state == AccountState.SUSPENDED) {
            throw new AccountSuspendedException();
        }
        if (state == AccountState.DEACTIVATED) {
            throw new AccountDeactivatedException();
        }
        if (!emailVerified) {
            throw new EmailNotVerifiedException();
        }
        if (!seller) {
            apply(new SellerCapabilityActivatedEvent(accountRef, clock.instant()));
        }
    }

    @CommandHandler
    public void handle(SuspendAccountCommand command, Clock clock, ActiveAdmins admins) {
        if (state == AccountState.SUSPENDED) {
            return;
        }
        if (state == AccountState.DEACTIVATED) {
            throw new IllegalAccountTransitionException();
        }
        requireNotLastActiveAdmin(admins);
        apply(new AccountSuspendedEvent(accountRef, command.reason(), command.actorRef(), clock.instant()));
    }

    @CommandHandler
    public void handle(ReinstateAccountCommand command, Clock clock) {
        if (state != AccountState.SUSPENDED) {
            throw new IllegalAccountTransitionException();
        }
        apply(new AccountReinstatedEvent(accountRef, command.reason(), command.actorRef(), clock.instant()));
    }

    @CommandHandler
    public void handle(DeactivateAccountCommand command, Clock clock, ActiveAdmins admins) {
        if (state == AccountState.DEACTIVATED) {
            return;
        }
        requireNotLastActiveAdmin(admins);
        apply(new AccountDeactivatedEvent(accountRef, command.reason(), command.actorRef(), clock.instant()));
    }

    /**
     * Erasure closes the account for good and destroys its personal data: the password hash leaves
     * the credential table and mail still queued to the address is dropped here, the data key, the
     * lookups and the read models follow the events in this transaction. Erasing twice changes nothing.
     */
    @CommandHandler
    public void handle(EraseAccountCommand command, Clock clock, ActiveAdmins admins, AccountCredentials credentials,
                       AccountMailOutbox outbox) {
        if (erased) {
            return;
        }
        requireNotLastActiveAdmin(admins);
        Instant now = clock.instant();
        if (state != AccountState.DEACTIVATED) {
            apply(new AccountDeactivatedEvent(accountRef, command.reason(), command.actorRef(), now));
        }
        credentials.erase(accountRef);
        outbox.discardMailTo(email);
        apply(new AccountErasedEvent(accountRef, command.reason(), command.actorRef(), now));
    }

    /** Taking the last active admin out of service would leave nobody able to administer (409 LAST_ADMIN). */
    private void requireNotLastActiveAdmin(ActiveAdmins admins) {
        if (state == AccountState.ACTIVE && admins.isLastActiveAdmin(accountRef)) {
            throw new LastAdminException();
        }
    }

    /**
     * Whoever typed an unverified address may not own it, so its mail must not carry text the
     * signer-up chose (a display name is a phishing vector into a stranger's inbox).
     */
    private Recipient recipient() {
        return new Recipient(accountRef, email, emailVerified ? displayName : null);
    }

    private static void issueVerificationToken(Recipient recipient, LinkTarget link, Instant now, Secrets secrets,
                                               AccountMailOutbox outbox, TokenLifetimes lifetimes) {
        Secrets.IssuedSecret token = secrets.issue();
        Instant expiresAt = now.plus(lifetimes.emailVerification());
        apply(new VerificationTokenIssuedEvent(recipient.accountRef(), token.hash(), now, expiresAt, link.nextPath()));
        outbox.enqueue(new AccountMail(AccountMail.Purpose.EMAIL_VERIFICATION, recipient.accountRef(),
                recipient.email(), recipient.displayName(), token.raw(), expiresAt, link, null));
    }

    private record Recipient(String accountRef, String email, String displayName) {
    }

    @EventSourcingHandler
    void on(AccountRegisteredEvent event) {
        accountRef = event.accountRef();
        email = event.email();
        displayName = event.displayName();
        state = AccountState.PENDING_VERIFICATION;
    }

    @EventSourcingHandler
    void on(VerificationTokenIssuedEvent event) {
        verificationTokens.issued(event.tokenHash(), event.expiresAt());
    }

    @EventSourcingHandler
    void on(EmailVerifiedEvent event) {
        verificationTokens.spendAll(event.tokenHash());
        emailVerified = true;
        state = state.afterEmailVerified();
    }

    @EventSourcingHandler
    void on(PasswordResetRequestedEvent event) {
        resetTokens.issued(event.tokenHash(), event.expiresAt());
    }

    @EventSourcingHandler
    void on(PasswordChangedEvent event) {
        resetTokens.spendAll(event.resetTokenHash());
    }

    @EventSourcingHandler
    void on(AccountSuspendedEvent event) {
        state = AccountState.SUSPENDED;
    }

    @EventSourcingHandler
    void on(AccountReinstatedEvent event) {
        state = AccountState.afterReinstated(emailVerified);
    }

    @EventSourcingHandler
    void on(AccountDeactivatedEvent event) {
        state = AccountState.DEACTIVATED;
    }

    @EventSourcingHandler
    void on(AccountErasedEvent event) {
        erased = true;
        email = null;
        displayName = null;
    }

    @EventSourcingHandler
    void on(SellerCapabilityActivatedEvent event) {
        seller = true;
    }
}
