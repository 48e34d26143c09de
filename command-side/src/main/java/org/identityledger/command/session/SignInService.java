package org.identityledger.command.session;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.identityledger.command.account.AccountCredential;
import org.identityledger.command.account.AccountLookup;
import org.identityledger.command.account.EmailAddress;
import org.identityledger.command.account.InvalidCredentialsException;
import org.identityledger.command.account.SignInEligibility;
import org.identityledger.command.common.CommandRetry;
import org.identityledger.command.common.Identifiers;
import org.identityledger.command.common.PasswordHasher;
import org.identityledger.command.common.Secrets;
import org.identityledger.events.session.SessionContext;
import org.identityledger.events.session.SessionTransport;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Password sign-in, for both transports. The password is checked before any transaction starts,
 * and an unknown email burns the same Argon2id work as a wrong password, so neither the answer nor
 * its timing tells whether an account exists.
 */
@Service
public class SignInService {

    private final CommandGateway commandGateway;
    private final AccountLookup accountLookup;
    private final PasswordHasher passwordHasher;
    private final Secrets secrets;
    private final Identifiers identifiers;
    private final SessionSettings settings;
    private final Clock clock;

    public SignInService(CommandGateway commandGateway, AccountLookup accountLookup, PasswordHasher passwordHasher,
                         Secrets secrets, Identifiers identifiers, SessionSettings settings, Clock clock) {
        this.commandGateway = commandGateway;
        this.accountLookup = accountLookup;
        this.passwordHasher = passwordHasher;
        this.secrets = secrets;
        this.identifiers = identifiers;
        this.settings = settings;
        this.clock = clock;
    }

    /** A customer browser session; {@code secret} becomes the cookie. */
    public SignedInSession signInWithPassword(String email, String password, String deviceName) {
        return signInWithPassword(email, password, deviceName, SessionScope.customer());
    }

    /** A browser session in {@code scope}; {@code secret} becomes that context's cookie. */
    public SignedInSession signInWithPassword(String email, String password, String deviceName, SessionScope scope) {
        return start(authenticate(email, password), SessionTransport.BROWSER, deviceName,
                settings.browserAbsoluteLifetime(), settings.browserIdleTimeout(), scope);
    }

    /** A customer native session; {@code secret} is the first refresh token of its family. */
    public SignedInSession signInNatively(String email, String password, String deviceName) {
        return signInNatively(email, password, deviceName, SessionScope.customer());
    }

    public SignedInSession signInNatively(String email, String password, String deviceName, SessionScope scope) {
        return start(authenticate(email, password), SessionTransport.NATIVE, deviceName,
                settings.nativeAbsoluteLifetime(), settings.nativeIdleTimeout(), scope);
    }

    private AccountCredential authenticate(String email, String password) {
        Optional<AccountCredential> found = accountLookup.findByEmail(EmailAddress.normalize(email));
        if (found.isEmpty()) {
            passwordHasher.spendEquivalentWork(password);
            throw new InvalidCredentialsException();
        }
        AccountCredential account = found.get();
        if (!passwordHasher.matches(password, account.passwordHash())) {
            throw new InvalidCredentialsException();
        }
        SignInEligibility.require(account.state());
        return account;
    }

    private SignedInSession start(AccountCredential account, SessionTransport transport, String deviceName,
                                  Duration absoluteLifetime, Duration idleTimeout, SessionScope scope) {
        if (scope.context() == SessionContext.STAFF) {
            absoluteLifetime = settings.staffAbsoluteLifetime();
            idleTimeout = settings.staffIdleTimeout();
        }
        Secrets.IssuedSecret secret = secrets.issue();
        String sessionId = identifiers.newSessionId();
        // Whole milliseconds: what the client is told must equal what PostgreSQL stores.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant expiresAt = now.plus(absoluteLifetime);
        CommandRetry.sendAndWait(commandGateway, new StartSessionCommand(sessionId, account.accountRef(),
                account.credentialVersion(), transport, secret.hash(), deviceName, now, expiresAt, idleTimeout, scope));
        return new SignedInSession(sessionId, account.accountRef(), secret.raw(), expiresAt, scope);
    }
}
