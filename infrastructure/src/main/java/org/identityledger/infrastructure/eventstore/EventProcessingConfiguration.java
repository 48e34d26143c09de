package org.identityledger.infrastructure.eventstore;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.identityledger.command.account.AccountLookupProjection;
import org.identityledger.command.session.SessionLookupProjection;
import org.identityledger.command.session.SessionLimitPolicy;
import org.identityledger.command.session.SessionRevocationPolicy;
import org.identityledger.query.account.AccountProjection;
import org.identityledger.query.session.SessionProjection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The command-side lookups and the security-critical read models run in subscribing processors, in
 * the same transaction as the events they follow, and any failure there propagates and rolls the
 * whole command back: the ledger never holds an event its lookups and read models do not reflect.
 */
@Configuration(proxyBeanMethods = false)
public class EventProcessingConfiguration {

    static final List<String> SAME_TRANSACTION_GROUPS = List.of(
            AccountLookupProjection.PROCESSING_GROUP,
            SessionLookupProjection.PROCESSING_GROUP,
            SessionRevocationPolicy.PROCESSING_GROUP,
            SessionLimitPolicy.PROCESSING_GROUP,
            AccountProjection.PROCESSING_GROUP,
            SessionProjection.PROCESSING_GROUP);

    @Autowired
    public void configure(EventProcessingConfigurer processing) {
        SAME_TRANSACTION_GROUPS.forEach(processing::registerSubscribingEventProcessor);
        processing.registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }
}
