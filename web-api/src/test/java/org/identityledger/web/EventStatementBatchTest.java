package org.identityledger.web;

import org.identityledger.command.session.SessionLookupProjection;
import org.identityledger.infrastructure.eventstore.EventStatementBatch;
import org.identityledger.query.session.SessionProjection;
import org.identityledger.web.support.InTransactionEvent;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The session projections' statements for one event reach PostgreSQL together once every handler of
 * the event ran: never later than the end of the event (the next event, a handler that dispatched a
 * command, the commit all see them), never half (a failing statement fails the event and the
 * transaction), never outside an event, and never more than a bounded number held at once.
 */
class EventStatementBatchTest extends IntegrationTest {

    @Autowired
    private EventStatementBatch batch;
    @Autowired
    private SessionProjection sessionProjection;
    @Autowired
    private SessionLookupProjection sessionLookupProjection;
    @Autowired
    private PlatformTransactionManager transactionManager;

    private final String table = "batch_probe_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Test
    void theSessionProjectionsWriteThroughTheBatch() {
        assertThat(ReflectionTestUtils.getField(sessionProjection, "jdbc")).isSameAs(batch);
        assertThat(ReflectionTestUtils.getField(sessionLookupProjection, "jdbc")).isSameAs(batch);
        assertThat(jdbc).isNotSameAs(batch);
    }

    @Test
    void anEventsStatementsAreHeldUntilItsHandlersRanThenSentBeforeAnythingElse() {
        inTransaction(() -> {
            handleEvent(() -> {
                batch.update("INSERT INTO " + table + " (id, note) VALUES (?, ?)", 1, null);
                batch.update("UPDATE " + table + " SET note = ? WHERE id = ?", "written", 1);
                assertThat(rows()).as("held while the event's handlers run").isZero();
            });
            assertThat(rows()).as("sent when the event was handled").isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT note FROM " + table + " WHERE id = 1", String.class)).isEqualTo("written");
        });
    }

    @Test
    void aQueryThroughTheBatchSendsWhatItHoldsFirst() {
        inTransaction(() -> handleEvent(() -> {
            batch.update("INSERT INTO " + table + " (id) VALUES (?)", 1);
            assertThat(batch.queryForObject("SELECT count(*) FROM " + table, Integer.class)).isEqualTo(1);
        }));
    }

    @Test
    void aCommandDispatchedFromAHandlerReturnsWithItsEventsStatementsSent() {
        inTransaction(() -> handleEvent(() -> {
            batch.update("INSERT INTO " + table + " (id) VALUES (?)", 1);
            handleEvent(() -> batch.update("INSERT INTO " + table + " (id) VALUES (?)", 2));
            assertThat(rows()).as("the nested event's and what preceded it").isEqualTo(2);
            batch.update("INSERT INTO " + table + " (id) VALUES (?)", 3);
        }));
    }

    @Test
    void aFailingStatementFailsTheEventAndTakesTheRestOfTheBatchWithIt() {
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        jdbc.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, note TEXT)");
        try {
            assertThatThrownBy(() -> transaction.executeWithoutResult(status -> handleEvent(() -> {
                batch.update("INSERT INTO " + table + " (id) VALUES (?)", 1);
                batch.update("INSERT INTO " + table + " (id) VALUES (?)", 1);
            }))).isInstanceOf(DuplicateKeyException.class);
            assertThat(rows()).isZero();
            transaction.executeWithoutResult(status -> handleEvent(() -> batch.update("INSERT INTO " + table + " (id) VALUES (?)", 2)));
            assertThat(jdbc.queryForList("SELECT id FROM " + table, Integer.class))
                    .as("nothing of the failed event reaches the next one").containsExactly(2);
        } finally {
            jdbc.execute("DROP TABLE " + table);
        }
    }

    @Test
    void aStatementWithTheWrongNumberOfArgumentsIsRefusedBeforeItCanShiftTheNextOnes() {
        inTransaction(() -> {
            handleEvent(() -> {
                assertThatThrownBy(() -> batch.update("INSERT INTO " + table + " (id, note) VALUES (?, ?)", 1))
                        .isInstanceOf(IllegalArgumentException.class);
                // A question mark inside a literal is not a placeholder.
                batch.update("INSERT INTO " + table + " (id, note) VALUES (?, '?')", 2);
            });
            assertThat(jdbc.queryForList("SELECT id FROM " + table, Integer.class))
                    .as("the refused one was never queued").containsExactly(2);
        });
    }

    @Test
    void outsideAnEventEveryUpdateGoesAtOnce() {
        inTransaction(() -> {
            batch.update("INSERT INTO " + table + " (id) VALUES (?)", 1);
            assertThat(rows()).isEqualTo(1);
        });
    }

    @Test
    void aLongBatchIsSentEarly() {
        inTransaction(() -> handleEvent(() -> {
            for (int id = 1; id <= 16; id++) {
                batch.update("INSERT INTO " + table + " (id) VALUES (?)", id);
            }
            assertThat(rows()).as("16 statements at most are held").isEqualTo(16);
            batch.update("INSERT INTO " + table + " (id) VALUES (?)", 17);
            assertThat(rows()).isEqualTo(16);
        }));
    }

    private void inTransaction(Runnable work) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            jdbc.execute("CREATE TEMPORARY TABLE " + table + " (id INT PRIMARY KEY, note TEXT) ON COMMIT DROP");
            work.run();
        });
    }

    private int rows() {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
    }

    private void handleEvent(Runnable handlers) {
        InTransactionEvent.handle(batch, handlers);
    }
}
