package org.identityledger.web.support;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.identityledger.infrastructure.eventstore.EventStatementBatch;

/** What the in-transaction processor does around each event: the statement batch's interceptor, then the handlers. */
public final class InTransactionEvent {

    private InTransactionEvent() {
    }

    public static void handle(EventStatementBatch batch, Runnable handlers) {
        EventMessage<?> event = GenericEventMessage.asEventMessage("probe");
        InterceptorChain chain = () -> {
            handlers.run();
            return null;
        };
        try {
            batch.sendAfterEachEvent().handle(new DefaultUnitOfWork<>(event), chain);
        } catch (RuntimeException failure) {
            throw failure;
        } catch (Exception failure) {
            throw new IllegalStateException(failure);
        }
    }
}
