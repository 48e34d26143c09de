package org.identityledger.command.business;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.identityledger.command.account.AccountLookup;
import org.identityledger.command.account.EmailNotVerifiedException;
import org.identityledger.command.common.CommandRetry;
import org.identityledger.command.common.Identifiers;
import org.springframework.stereotype.Service;

/** Opening a business: a person with a proven email address creates it and becomes its owner. */
@Service
public class BusinessService {

    private final CommandGateway commandGateway;
    private final AccountLookup accountLookup;
    private final Identifiers identifiers;

    public BusinessService(CommandGateway commandGateway, AccountLookup accountLookup, Identifiers identifiers) {
        this.commandGateway = commandGateway;
        this.accountLookup = accountLookup;
        this.identifiers = identifiers;
    }

    /** @return the new business's id */
    public String create(String ownerAccountRef, BusinessHandle handle, String name) {
        if (!accountLookup.hasVerifiedEmail(ownerAccountRef)) {
            throw new EmailNotVerifiedException();
        }
        String businessId = identifiers.newBusinessId();
        CommandRetry.sendAndWait(commandGateway, new CreateBusinessCommand(businessId, handle, name, ownerAccountRef));
        return businessId;
    }
}
