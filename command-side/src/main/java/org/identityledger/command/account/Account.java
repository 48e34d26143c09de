package org.identityledger.command.account;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.identityledger.command.common.Secrets;
import org.identityledger.events.account.AccountDeactivatedEvent;
import org.identityledger.events.account.AccountRegisteredEvent;
import org.identityledger.events.account.AccountReinstatedEvent;
import org.identityledger.events.account.AccountSuspendedEvent;
import org.identityledger.events.account.EmailVerifiedEvent;
import org.identityledger.events.account.VerificationTokenIssuedEvent;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A person's identity: registration, email proof and the account state machine. Email uniqueness is
 * not decided here (it spans accounts) but by the command-side email lookup in the same transaction.
 */
@Aggregate
public class Account {

    @AggregateIdentifier
    private String accountRef;
    private String email;
    private String displayName;
    private AccountState state;
    private boolean emailVerified;
    private final Map<String, Instant> outstandingTokenExpiries = new HashMap<>();
    private final Set<String> spentTokens = new HashSet<>();

    protected Account() {
        // Axon rebuilds the aggregate from its events.
    }

    @CommandHandler
    public Account(RegisterAccountCommand command, Clock clock, Secrets secrets,
                   VerificationMailOutbox outbox, VerificationSettings settings) {
        Instant now = clock.instant();
        apply(new AccountRegisteredEvent(command.accountRef(), command.email(), command.displayName(),
                command.passwordHash(), now));
        // Inside a constructor Axon applies events only after it returns, so pass the facts explicitly.
        issueVerificationToken(new Recipient(command.accountRef(), command.email(), command.displayName()),
                command.verificationLink(), now, secrets, outbox, settings);
    }

    @CommandHandler
    public void handle(ResendVerificationEmailCommand command, Clock clock, Secrets secrets,
                       VerificationMailOutbox outbox, VerificationSettings settings) {
        if (emailVerified || state == AccountState.DEACTIVATED) {
            // Nothing to prove; the endpoint answers 202 either way so it reveals nothing.
            return;
        }
        issueVerificationToken(new Recipient(accountRef, email, displayName), command.verificationLink(),
                clock.instant(), secrets, outbox, settings);
    }

    @CommandHandler
    public void handle(VerifyEmailCommand command, Clock clock) {
        if (spentTokens.contains(command.tokenHash())) {
            throw new TokenAlreadyUsedException();
        }
        Instant expiresAt = outstandingTokenExpiries.get(command.tokenHash());
        if (expiresAt == null) {
            throw new TokenInvalidException();
        }
        Instant now = clock.instant();
        if (!now.isBefore(expiresAt)) {
            throw new TokenExpiredException();
        }
        apply(new EmailVerifiedEvent(accountRef, command.tokenHash(), now));
    }

    @CommandHandler
    public void handle(SuspendAccountCommand command, Clock clock) {
        if (state == AccountState.SUSPENDED) {
            return;
        }
        if (state == AccountState.DEACTIVATED) {
            throw new IllegalAccountTransitionException();
        }
        apply(new AccountSuspendedEvent(accountRef, command.reason(), clock.instant()));
    }

    @CommandHandler
    public void handle(ReinstateAccountCommand command, Clock clock) {
        if (state != AccountState.SUSPENDED) {
            throw new IllegalAccountTransitionException();
        }
        apply(new AccountReinstatedEvent(accountRef, clock.instant()));
    }

    @CommandHandler
    public void handle(DeactivateAccountCommand command, Clock clock) {
        if (state == AccountState.DEACTIVATED) {
            return;
        }
        apply(new AccountDeactivatedEvent(accountRef, command.reason(), clock.instant()));
    }

    private static void issueVerificationToken(Recipient recipient, VerificationLink link, Instant now,
                                               Secrets secrets, VerificationMailOutbox outbox,
                                               VerificationSettings settings) {
        Secrets.IssuedSecret token = secrets.issue();
        Instant expiresAt = now.plus(settings.tokenLifetime());
        apply(new VerificationTokenIssuedEvent(recipient.accountRef(), token.hash(), now, expiresAt, link.nextPath()));
        outbox.enqueue(new VerificationMail(recipient.accountRef(), recipient.email(), recipient.displayName(),
                token.raw(), expiresAt, link));
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
        outstandingTokenExpiries.put(event.tokenHash(), event.expiresAt());
    }

    @EventSourcingHandler
    void on(EmailVerifiedEvent event) {
        // Proving the address once spends every link that was mailed for it.
        spentTokens.addAll(outstandingTokenExpiries.keySet());
        spentTokens.add(event.tokenHash());
        outstandingTokenExpiries.clear();
        emailVerified = true;
        if (state == AccountState.PENDING_VERIFICATION) {
            state = AccountState.ACTIVE;
        }
    }

    @EventSourcingHandler
    void on(AccountSuspendedEvent event) {
        state = AccountState.SUSPENDED;
    }

    @EventSourcingHandler
    void on(AccountReinstatedEvent event) {
        state = emailVerified ? AccountState.ACTIVE : AccountState.PENDING_VERIFICATION;
    }

    @EventSourcingHandler
    void on(AccountDeactivatedEvent event) {
        state = AccountState.DEACTIVATED;
    }
}
