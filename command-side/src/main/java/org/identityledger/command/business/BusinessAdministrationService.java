package org.identityledger.command.business;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.identityledger.command.common.CommandRetry;
import org.springframework.stereotype.Service;

/** An admin suspends or reinstates a business with a reason; its business sessions end with a suspension. */
@Service
public class BusinessAdministrationService {

    private final CommandGateway commandGateway;
    private final BusinessLookup businessLookup;

    public BusinessAdministrationService(CommandGateway commandGateway, BusinessLookup businessLookup) {
        this.commandGateway = commandGateway;
        this.businessLookup = businessLookup;
    }

    public void suspend(String actorRef, String businessId, String reason) {
        requireKnown(businessId);
        CommandRetry.sendAndWait(commandGateway, new SuspendBusinessCommand(businessId, actorRef, reason));
    }

    public void reinstate(String actorRef, String businessId, String reason) {
        requireKnown(businessId);
        CommandRetry.sendAndWait(commandGateway, new ReinstateBusinessCommand(businessId, actorRef, reason));
    }

    private void requireKnown(String businessId) {
        if (businessLookup.handleOf(businessId).isEmpty()) {
            throw new BusinessNotFoundException();
        }
    }
}
