package org.identityledger.command.account;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.identityledger.command.common.CommandRetry;
import org.identityledger.command.common.Identifiers;
import org.identityledger.command.common.PasswordHasher;
import org.springframework.stereotype.Service;

/**
 * Signup: policy, then the expensive Argon2id hash outside any transaction, then one command whose
 * transaction appends the events, claims the email and queues the verification mail.
 */
@Service
public class SignupService {

    private final CommandGateway commandGateway;
    private final PasswordPolicy passwordPolicy;
    private final PasswordHasher passwordHasher;
    private final Identifiers identifiers;
    private final AccountLookup accountLookup;

    public SignupService(CommandGateway commandGateway, PasswordPolicy passwordPolicy, PasswordHasher passwordHasher,
                         Identifiers identifiers, AccountLookup accountLookup) {
        this.commandGateway = commandGateway;
        this.passwordPolicy = passwordPolicy;
        this.passwordHasher = passwordHasher;
        this.identifiers = identifiers;
        this.accountLookup = accountLookup;
    }

    public String signup(SignupRequest request) {
        passwordPolicy.check(request.password());
        String email = request.email().strip();
        // A cheap early answer for the common case; the UNIQUE constraint still decides races.
        if (accountLookup.findByEmail(EmailAddress.normalize(email)).isPresent()) {
            throw new EmailAlreadyRegisteredException();
        }
        String passwordHash = passwordHasher.hash(request.password());
        String accountRef = identifiers.newAccountRef();
        CommandRetry.sendAndWait(commandGateway,
                new RegisterAccountCommand(accountRef, email, request.displayName(), passwordHash, request.link()));
        return accountRef;
    }
}
