package org.identityledger.infrastructure.privacy;

import org.axonframework.eventhandling.EventHandler;
import org.identityledger.events.account.AccountErasedEvent;
import org.identityledger.events.business.BusinessMemberJoinedEvent;
import org.springframework.stereotype.Component;

/**
 * Destroys the account's data key when it is erased, in the erasure event's own transaction (a
 * subscribing handler, like every handler here): either the event is in the ledger and the key is
 * gone, or neither. From then on every sealed field of the account's events reads "[erased]".
 */
@Component
class DataKeyShredder {

    private final DataKeys dataKeys;

    DataKeyShredder(DataKeys dataKeys) {
        this.dataKeys = dataKeys;
    }

    /** The invitation's address was the invitee's: its key goes when the account that accepted it is erased. */
    @EventHandler
    void on(BusinessMemberJoinedEvent event) {
        dataKeys.eraseWith(event.invitationId(), event.accountRef());
    }

    @EventHandler
    void on(AccountErasedEvent event) {
        dataKeys.destroy(event.accountRef());
    }
}
