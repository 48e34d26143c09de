package org.identityledger.infrastructure.eventstore;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.identityledger.infrastructure.privacy.DataKeys;
import org.identityledger.infrastructure.privacy.SealedFieldsOpeningUpcaster;
import org.identityledger.infrastructure.privacy.SealingAppendStatement;
import org.springframework.beans.factory.annotation.Qualifier;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.identityledger.events.upcasting.AccountActorUpcaster;
import org.identityledger.events.upcasting.PasswordHashRemovingUpcaster;
import org.identityledger.events.upcasting.SessionContextUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's JDBC engine on the Flyway-owned tables (see db/migration). The JDBC engine is chosen over
 * the JPA one because its global index is a BIGSERIAL handed out by PostgreSQL at insert, which,
 * together with Axon's gap-aware tracking tokens, lets streaming processors on several instances
 * follow the log without skipping a late-committing event; payloads are bytea.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreSchemaConfiguration {

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * An append that lost the race for an (aggregate, sequence) pair is a concurrency conflict, which
     * Axon turns into a ConcurrencyException, rolls back (evicting the cached aggregate) and
     * CommandRetry decides again on the fresh stream. Axon's default resolver matches vendor error
     * codes, which PostgreSQL does not set (its code is the SQLState, 23505 unique_violation), so
     * an instance holding a session another instance had moved on answered 500 instead, and a
     * refresh token spent elsewhere and replayed there was not recognised as reused.
     */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return exception -> {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                    return true;
                }
            }
            return false;
        };
    }

    /**
     * Axon's JDBC engine as its Spring Boot support would build it, but for the insert statement,
     * which seals personal and credential fields on the way in ({@link SealingAppendStatement}) and is
     * sent with the first event's projection statements ({@link DeferredAppendEventStorageEngine}).
     */
    @Bean
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 org.axonframework.config.Configuration configuration,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 EventSchema eventSchema, DataKeys dataKeys,
                                                 EventStatementBatch statementBatch) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                // Streams (rebuilds, the audit API, the sealer's reads) fetch 1,000 events a query, not Axon's 100:
                // a tenth of the round trips for the same memory bound.
                .batchSize(1_000);
        return new DeferredAppendEventStorageEngine(builder, statementBatch, new SealingAppendStatement(dataKeys));
    }

    /** Axon's Spring Boot support registers every EventUpcaster bean in the storage engine's chain (this one first). */
    @Bean
    public EventUpcaster sealedFieldsOpeningUpcaster(DataKeys dataKeys) {
        return new SealedFieldsOpeningUpcaster(dataKeys);
    }

    @Bean
    public EventUpcaster passwordHashRemovingUpcaster() {
        return new PasswordHashRemovingUpcaster();
    }

    @Bean
    public EventUpcaster accountActorUpcaster() {
        return new AccountActorUpcaster();
    }

    @Bean
    public EventUpcaster sessionContextUpcaster() {
        return new SessionContextUpcaster();
    }
}
