package org.identityledger.web;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.identityledger.infrastructure.eventstore.DeferredAppendEventStorageEngine;
import org.identityledger.infrastructure.eventstore.EventStatementBatch;
import org.identityledger.web.support.InTransactionEvent;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A command's events reach the event table with the first event's projection statements, in one round
 * trip, and yet everything Axon's immediate insert guaranteed holds: the store reads what the
 * transaction appended, the row is written before the commit even where no event is handled, a lost
 * race is Axon's concurrency conflict (which CommandRetry decides again on), and a held row can reach
 * no other transaction: not the next one on the thread after a rollback, not one of its own started
 * while the append waits. Every append here is rolled back, so the shared ledger never holds a probe.
 */
class DeferredAppendTest extends IntegrationTest {

    @Autowired
    private EventStorageEngine engine;
    @Autowired
    private EventStatementBatch batch;
    @Autowired
    private PlatformTransactionManager transactionManager;

    private final String aggregate = "deferred-append-probe-" + UUID.randomUUID();
    private final String table = "append_probe_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Test
    void theLedgerAppendsThroughTheHeldInsert() {
        assertThat(engine).isInstanceOf(DeferredAppendEventStorageEngine.class);
    }

    @Test
    void anAppendIsHeldUntilTheFirstEventsStatementsGo() {
        rolledBack(status -> {
            engine.appendEvents(event(0));
            assertThat(rows()).as("held after the append").isZero();
            handleEvent(() -> batch.update("INSERT INTO " + table + " (note) VALUES (?)", "handled"));
            assertThat(rows()).as("sent with the first event's statements").isEqualTo(1);
        });
    }

    @Test
    void theStoreReadsWhatTheTransactionAppended() {
        rolledBack(status -> {
            engine.appendEvents(event(0), event(1));
            assertThat(engine.lastSequenceNumberFor(aggregate)).contains(1L);
            assertThat(engine.readEvents(aggregate).asStream().map(DomainEventMessage::getSequenceNumber).toList())
                    .containsExactly(0L, 1L);
        });
    }

    @Test
    void anAppendNoEventFollowedIsWrittenBeforeTheCommit() {
        AtomicInteger seenBeforeCommit = new AtomicInteger(-1);
        assertThatThrownBy(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            engine.appendEvents(event(0));
            // Registered after the append's, so it runs after it: what a commit would have found.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    seenBeforeCommit.set(rows());
                    throw new IllegalStateException("roll the probe back");
                }
            });
        })).hasMessage("roll the probe back");
        assertThat(seenBeforeCommit).hasValue(1);
        assertThat(rows()).isZero();
    }

    @Test
    void aLostRaceForAnAggregatesFirstEventIsAnAggregateStreamCreationException() {
        rolledBack(status -> {
            engine.appendEvents(event(0));
            engine.appendEvents(event(0));
            assertThatThrownBy(() -> handleEvent(() -> { }))
                    .isInstanceOf(AggregateStreamCreationException.class);
        });
    }

    @Test
    void aLostRaceForALaterEventIsAConcurrencyExceptionAlsoWhenFoundAtTheCommit() {
        assertThatThrownBy(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            engine.appendEvents(event(0), event(1));
            engine.appendEvents(event(1));
        })).isInstanceOf(ConcurrencyException.class).isNotInstanceOf(AggregateStreamCreationException.class);
        assertThat(rows()).isZero();
    }

    @Test
    void aRolledBackAppendReachesNoLaterTransaction() {
        rolledBack(status -> engine.appendEvents(event(0)));
        rolledBack(status -> {
            handleEvent(() -> batch.update("INSERT INTO " + table + " (note) VALUES (?)", "next"));
            assertThat(rows()).isZero();
        });
    }

    @Test
    void aTransactionOfItsOwnDoesNotCarryTheHeldAppend() {
        TransactionTemplate own = new TransactionTemplate(transactionManager);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        rolledBack(status -> {
            engine.appendEvents(event(0));
            own.executeWithoutResult(inner -> {
                jdbc.execute("CREATE TEMPORARY TABLE IF NOT EXISTS " + table + " (note TEXT) ON COMMIT DROP");
                handleEvent(() -> batch.update("INSERT INTO " + table + " (note) VALUES (?)", "own"));
                assertThat(rows()).as("not in the inner transaction").isZero();
            });
            assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                    Integer.class, aggregate)).as("still held for the outer one").isZero();
            handleEvent(() -> { });
            assertThat(rows()).isEqualTo(1);
        });
        assertThat(rows()).isZero();
    }

    @Test
    void outsideATransactionAnAppendGoesAtOnce() {
        // Axon's own path, in a transaction of its own: checked here with an append that must fail at
        // once, where a held one would have been silently waiting.
        assertThatThrownBy(() -> engine.appendEvents(event(0), event(0)))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThat(rows()).isZero();
    }

    private DomainEventMessage<?> event(long sequence) {
        return new GenericDomainEventMessage<>("DeferredAppendProbe", aggregate, sequence, "probe " + sequence);
    }

    private int rows() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Integer.class, aggregate);
    }

    private void rolledBack(Consumer<org.springframework.transaction.TransactionStatus> work) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            jdbc.execute("CREATE TEMPORARY TABLE IF NOT EXISTS " + table + " (note TEXT) ON COMMIT DROP");
            work.accept(status);
            status.setRollbackOnly();
        });
    }

    private void handleEvent(Runnable handlers) {
        InTransactionEvent.handle(batch, handlers);
    }
}
