package org.identityledger.command.account;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.identityledger.command.common.CommandRetry;
import org.springframework.stereotype.Service;

/** Turning on selling for one's own account; the Account aggregate decides whether it may. */
@Service
public class SellerService {

    private final CommandGateway commandGateway;

    public SellerService(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    public void activate(String accountRef) {
        CommandRetry.sendAndWait(commandGateway, new ActivateSellerCapabilityCommand(accountRef));
    }
}
