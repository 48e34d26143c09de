package org.identityledger.command.account;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.identityledger.command.common.CommandRetry;
import org.identityledger.command.common.PasswordHasher;
import org.springframework.stereotype.Service;

/**
 * Erasure, by the account holder (who proves it with the password, checked before any transaction
 * as at sign-in) or by an admin with a reason. The Account aggregate decides; the data key, lookups,
 * read models and sessions follow in the erasure's own transaction.
 */
@Service
public class AccountErasureService {

    /** What the ledger records as the reason when the holder erases their own account. */
    public static final String SELF_SERVICE_REASON = "requested by the account holder";

    private final CommandGateway commandGateway;
    private final AccountLookup accountLookup;
    private final PasswordHasher passwordHasher;

    public AccountErasureService(CommandGateway commandGateway, AccountLookup accountLookup, PasswordHasher passwordHasher) {
        this.commandGateway = commandGateway;
        this.accountLookup = accountLookup;
        this.passwordHasher = passwordHasher;
    }

    public void eraseOwn(String accountRef, String password) {
        java.util.Optional<String> hash = accountLookup.passwordHashOf(accountRef);
        if (hash.isEmpty()) {
            passwordHasher.spendEquivalentWork(password);
            throw new InvalidCredentialsException();
        }
        if (!passwordHasher.matches(password, hash.get())) {
            throw new InvalidCredentialsException();
        }
        CommandRetry.sendAndWait(commandGateway, new EraseAccountCommand(accountRef, SELF_SERVICE_REASON, accountRef));
    }

    public void eraseByAdmin(String actorRef, String accountRef, String reason) {
        if (accountLookup.normalizedEmailOf(accountRef).isEmpty()) {
            throw new AccountNotFoundException();
        }
        CommandRetry.sendAndWait(commandGateway, new EraseAccountCommand(accountRef, reason, actorRef));
    }
}
