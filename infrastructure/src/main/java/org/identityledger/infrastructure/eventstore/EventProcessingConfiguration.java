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
 */
@Configuration(proxyBeanMethods = false)
public class EventProcessingConfiguration {

    /** Processing groups allowed to follow the store after commit (none yet: audit views will be). */
    public static final List<String> ASYNCHRONOUS_GROUPS = List.of();

    @Autowired
    public void configure(EventProcessingConfigurer processing) {
        processing.usingSubscribingEventProcessors();
        processing.registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }
}
