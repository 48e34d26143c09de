package org.identityledger.command.account;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.identityledger.command.common.CommandRetry;
import org.identityledger.command.common.Secrets;
import org.springframework.stereotype.Service;

/** Redeeming and re-sending verification links. */
@Service
public class EmailVerificationService {

    private final CommandGateway commandGateway;
    private final AccountLookup accountLookup;
    private final Secrets secrets;

    public EmailVerificationService(CommandGateway commandGateway, AccountLookup accountLookup, Secrets secrets) {
        this.commandGateway = commandGateway;
        this.accountLookup = accountLookup;
        this.secrets = secrets;
    }

    /** Returns whose email was verified and where the person wanted to go next. */
    public IssuedToken verify(String rawToken) {
        String tokenHash = secrets.hash(rawToken);
        IssuedToken token = accountLookup.verificationToken(tokenHash)
                .orElseThrow(TokenInvalidException::new);
        CommandRetry.sendAndWait(commandGateway, new VerifyEmailCommand(token.accountRef(), tokenHash));
        return token;
    }

    /** Silently does nothing for unknown or already verified addresses, so callers learn nothing. */
    public void resend(String email, LinkTarget link) {
        accountLookup.findByEmail(EmailAddress.normalize(email)).ifPresent(account ->
                CommandRetry.sendAndWait(commandGateway, new ResendVerificationEmailCommand(account.accountRef(), link)));
    }
}
