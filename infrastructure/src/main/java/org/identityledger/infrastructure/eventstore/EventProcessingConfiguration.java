package org.identityledger.infrastructure.eventstore;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * Every event handler runs in a subscribing processor by default, in the same transaction as the
 * events it follows, and any failure there propagates and rolls the whole command back: the ledger
 * never holds an event its lookups and read models do not reflect. Because subscribing is the
 * default, a new projection or policy cannot silently become asynchronous by being forgotten; a
 * handler that may lag must be named in {@link #ASYNCHRONOUS_GROUPS} and registered as streaming.
 * <p>
 * All in-transaction groups share one subscribing processor, {@link #IN_TRANSACTION_PROCESSOR}. A
 * processor runs a unit of work, an interceptor chain and a result message for every event it is
 * given, whether or not it has a handler for it; eleven processors did that eleven times per event
 * (a fifth of what a refresh allocated). One processor hands each event to every group before the
 * next event, where eleven handed the whole batch to one group before the next group. The order of
 * groups was never defined (Axon orders them by hash) and nothing relies on it: each policy reads
 * the lookups as they are and tolerates its own event being in them or not yet. That same freedom
 * lets the projections that take {@link EventStatementBatch} send one event's statements together.
 */
@Configuration(proxyBeanMethods = false)
public class EventProcessingConfiguration {

    /** Processing groups allowed to follow the store after commit (none yet: audit views will be). */
    public static final List<String> ASYNCHRONOUS_GROUPS = List.of();

    /** The one subscribing processor every other processing group is assigned to. */
    public static final String IN_TRANSACTION_PROCESSOR = "in-transaction";

    @Autowired
    public void configure(EventProcessingConfigurer processing, EventStatementBatch statementBatch) {
        processing.usingSubscribingEventProcessors();
        processing.assignProcessingGroup(group -> ASYNCHRONOUS_GROUPS.contains(group) ? group : IN_TRANSACTION_PROCESSOR);
        processing.registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
        processing.registerHandlerInterceptor(IN_TRANSACTION_PROCESSOR, configuration -> statementBatch.sendAfterEachEvent());
    }
}
