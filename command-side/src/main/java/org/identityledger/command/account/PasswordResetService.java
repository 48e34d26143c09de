package org.identityledger.command.account;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.identityledger.command.common.CommandRetry;
import org.identityledger.command.common.PasswordHasher;
import org.identityledger.command.common.Secrets;
import org.springframework.stereotype.Service;

/** Asking for a reset link, and redeeming it for a new password. */
@Service
public class PasswordResetService {

    private final CommandGateway commandGateway;
    private final AccountLookup accountLookup;
    private final PasswordPolicy passwordPolicy;
    private final PasswordHasher passwordHasher;
    private final Secrets secrets;

    public PasswordResetService(CommandGateway commandGateway, AccountLookup accountLookup,
                                PasswordPolicy passwordPolicy, PasswordHasher passwordHasher, Secrets secrets) {
        this.commandGateway = commandGateway;
        this.accountLookup = accountLookup;
        this.passwordPolicy = passwordPolicy;
        this.passwordHasher = passwordHasher;
        this.secrets = secrets;
    }

    /** Does nothing for unknown addresses; callers run this off the request thread so timing says nothing. */
    public void requestReset(String email, LinkTarget link) {
        accountLookup.findByEmail(EmailAddress.normalize(email)).ifPresent(account ->
                CommandRetry.sendAndWait(commandGateway, new RequestPasswordResetCommand(account.accountRef(), link)));
    }

    /** Sets the new password and ends every session of the account; returns where to go next. */
    public IssuedToken resetPassword(String rawToken, String newPassword) {
        passwordPolicy.check(newPassword);
        String tokenHash = secrets.hash(rawToken);
        IssuedToken token = accountLookup.passwordResetToken(tokenHash).orElseThrow(TokenInvalidException::new);
        String passwordHash = passwordHasher.hash(newPassword);
        CommandRetry.sendAndWait(commandGateway, new ResetPasswordCommand(token.accountRef(), tokenHash, passwordHash));
        return token;
    }
}
