package org.identityledger.infrastructure.eventstore;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.identityledger.infrastructure.privacy.SealingAppendStatement;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Axon's JDBC engine, but a command's events are not inserted on their own: the {@code INSERT} is held
 * in {@link EventStatementBatch} and reaches PostgreSQL with the first event's projection statements,
 * so a refresh waits for the batch and the commit, two round trips, where it waited for three.
 * <p>
 * What Axon's append guaranteed still holds. The row is in the transaction before anything reads the
 * store (every read here sends the batch first) and before the commit (the batch's transaction
 * scope); nothing else reads the event table inside a command's transaction. A lost race for an
 * (aggregate, sequence) pair still becomes Axon's {@code ConcurrencyException} (or
 * {@code AggregateStreamCreationException} for a first event), through Axon's own
 * {@code handlePersistenceException}, only now it is thrown where the batch is sent, inside the
 * in-transaction processor, which propagates it unchanged: {@code CommandRetry} decides again as
 * before. Where no transaction is active, or an append is long, the events go at once, as Axon sends them.
 */
public class DeferredAppendEventStorageEngine extends JdbcEventStorageEngine {

    /** Larger appends (none of a command's today) go as Axon's batch of single-row inserts. */
    static final int MAX_HELD_EVENTS = 32;

    private final EventStatementBatch batch;
    private final SealingAppendStatement append;

    public DeferredAppendEventStorageEngine(JdbcEventStorageEngine.Builder builder, EventStatementBatch batch,
                                            SealingAppendStatement append) {
        super(builder.appendEvents(append));
        this.batch = batch;
        this.append = append;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        EventMessage<?> first = events.get(0);
        if (events.size() <= MAX_HELD_EVENTS && batch.holdAppend(SealingAppendStatement.sql(schema(), events.size()),
                () -> values(events, serializer), failure -> translated(failure, first))) {
            return;
        }
        batch.send();
        super.appendEvents(events, serializer);
    }

    /** The rows' values, one event after the other, sealed (only for an append that is held: sealing takes a nonce). */
    private Object[] values(List<? extends EventMessage<?>> events, Serializer serializer) {
        Object[] values = new Object[events.size() * 9];
        int next = 0;
        for (EventMessage<?> event : events) {
            for (Object value : append.row(event, serializer).values(DeferredAppendEventStorageEngine::timestampValue)) {
                values[next++] = value;
            }
        }
        return values;
    }

    /** As {@code writeTimestamp} writes it: the column is text. */
    private static Object timestampValue(Instant timestamp) {
        return DateTimeUtils.formatInstant(timestamp);
    }

    /** A failure on the event table is what Axon makes of it; any other is the caller's, unchanged. */
    private RuntimeException translated(RuntimeException failure, EventMessage<?> first) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException postgres && isOnTheEventTable(postgres.getServerErrorMessage())) {
                try {
                    handlePersistenceException(postgres, first);
                } catch (RuntimeException axons) {
                    return axons;
                }
            }
        }
        return failure;
    }

    private boolean isOnTheEventTable(ServerErrorMessage message) {
        return message != null && schema().domainEventTable().equals(message.getTable());
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier, long firstSequenceNumber, int batchSize) {
        batch.send();
        return super.fetchDomainEvents(aggregateIdentifier, firstSequenceNumber, batchSize);
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        batch.send();
        return super.fetchTrackedEvents(lastToken, batchSize);
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        batch.send();
        return super.readSnapshotData(aggregateIdentifier);
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        batch.send();
        super.storeSnapshot(snapshot, serializer);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        batch.send();
        return super.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        batch.send();
        return super.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        batch.send();
        return super.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        batch.send();
        return super.createTokenAt(dateTime);
    }
}
