package org.identityledger.infrastructure.eventstore;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.identityledger.infrastructure.database.QueueingJdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The template of the in-transaction projections that never read what a statement answers (they take
 * it as {@code @Qualifier("batchedPerEvent")}): the updates their handlers make for one event go to
 * PostgreSQL together, as one multi-statement prepared statement (one round trip, PostgreSQL's
 * extended protocol with a single sync), once every handler of the event has run. A refresh used to
 * wait for its token lookup and for its session's last activity in a round trip each, two of the four
 * it spent with PostgreSQL.
 * <p>
 * Nothing can tell the difference: the in-transaction processor hands an event to its groups in an
 * order nobody may rely on (see {@link EventProcessingConfiguration}), so no handler may read another
 * group's writes for the same event; the batch is sent when the processor's interceptor leaves the
 * event, before the next event, before any command dispatched from a handler returns to it, and always
 * before the commit; a failing statement fails the event and rolls the transaction back, as before.
 * Within the template, order is kept and any other use of it sends the batch first
 * ({@link QueueingJdbcTemplate}). Outside an event (a test, a rebuild's own template is another class)
 * every update goes at once. Bounded: at {@value #MAX_STATEMENTS} statements the batch is sent early.
 * <p>
 * The events' own {@code INSERT} travels with it ({@link #holdAppend}, from {@link DeferredAppendEventStorageEngine}):
 * a command's append opens the batch for its transaction, so the row goes with the first event's
 * projection statements, one round trip where there were two. That batch belongs to the transaction,
 * not to the thread: it is sent before the commit, dropped at its end, and set aside while a
 * transaction of its own ({@code REQUIRES_NEW}) runs on the thread, so no row can reach another
 * transaction's connection.
 */
public final class EventStatementBatch extends QueueingJdbcTemplate {

    /** The qualifier the projections take this template under; the bean's name. */
    public static final String QUALIFIER = "batchedPerEvent";

    static final int MAX_STATEMENTS = 16;

    /** Per thread: the in-transaction processor runs an event's handlers on the thread that committed the command. */
    private final ThreadLocal<Pending> pending = new ThreadLocal<>();

    public EventStatementBatch(DataSource dataSource) {
        super(dataSource);
    }

    /** The processor's interceptor: opens the batch for one event's handlers and sends it when they all ran. */
    public MessageHandlerInterceptor<EventMessage<?>> sendAfterEachEvent() {
        return this::aroundEvent;
    }

    private Object aroundEvent(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Pending batch = pending.get();
        boolean outermost = batch == null;
        if (outermost) {
            batch = new Pending();
            pending.set(batch);
        }
        try {
            Object result = chain.proceed();
            // A command dispatched from a handler nests an event inside another's: its statements go
            // when it has been handled, so the handler that dispatched it reads them afterwards.
            flush();
            return result;
        } finally {
            if (outermost) {
                // After a failure the transaction rolls back: what is queued must not reach the next event.
                pending.remove();
            }
        }
    }

    @Override
    public int update(String sql, Object... arguments) {
        Pending batch = pending.get();
        if (batch == null) {
            return super.update(sql, arguments);
        }
        batch.add(sql, arguments);
        if (batch.size() >= MAX_STATEMENTS) {
            flush();
        }
        // Handlers that take this template do not read update counts.
        return 1;
    }

    /**
     * Holds a command's append until the batch is next sent: at the end of the event being handled
     * (the append of a command a handler dispatched), else at the end of the appended events' first,
     * and at the latest before the transaction commits. {@code translation} turns a failure of the
     * batch into what the caller would have thrown for the append (it answers the failure itself where
     * it is not the append's). The arguments (serialized, sealed rows) are built only when the append
     * is held.
     *
     * @return false where nothing can be held (no transaction with synchronization on this thread):
     *         the caller appends at once
     */
    boolean holdAppend(String sql, Supplier<Object[]> arguments, UnaryOperator<RuntimeException> translation) {
        Pending batch = pending.get();
        if (batch == null) {
            if (!TransactionSynchronizationManager.isSynchronizationActive()
                    || !TransactionSynchronizationManager.isActualTransactionActive()) {
                return false;
            }
            batch = new Pending();
            pending.set(batch);
            TransactionSynchronizationManager.registerSynchronization(new TransactionScope(batch));
        }
        if (batch.appendTranslation != null) {
            // One append per send, so a failure is translated for the append it belongs to (a second
            // append in one transaction comes from a command dispatched by a handler: rare).
            flush();
        }
        batch.add(sql, arguments.get());
        batch.appendTranslation = translation;
        if (batch.size() >= MAX_STATEMENTS) {
            flush();
        }
        return true;
    }

    /** Sends what this thread holds (the event store, before it reads). */
    void send() {
        flush();
    }

    /** Sends what this thread has queued, as one statement. */
    @Override
    protected void flush() {
        Pending batch = pending.get();
        if (batch == null || batch.size() == 0) {
            return;
        }
        String statement = String.join(";\n", batch.statements);
        Object[] arguments = batch.arguments.toArray();
        UnaryOperator<RuntimeException> translation = batch.appendTranslation == null ? UnaryOperator.identity() : batch.appendTranslation;
        batch.clear();
        try {
            super.update(statement, arguments);
        } catch (RuntimeException failure) {
            throw translation.apply(failure);
        }
    }

    /**
     * A batch opened by an append lives as long as its transaction: sent before the commit (where no
     * event was handled after the append), dropped when the transaction ends however it ends, and off
     * the thread while the transaction is suspended.
     */
    private final class TransactionScope implements TransactionSynchronization {
        private final Pending batch;
        private boolean suspended;

        TransactionScope(Pending batch) {
            this.batch = batch;
        }

        @Override
        public void suspend() {
            if (pending.get() == batch) {
                pending.remove();
                suspended = true;
            }
        }

        @Override
        public void resume() {
            if (suspended) {
                pending.set(batch);
                suspended = false;
            }
        }

        /** Spring's "send what the transaction holds" (also on an explicit flush of the transaction). */
        @Override
        public void flush() {
            if (pending.get() == batch) {
                // Not this interface's own flush(), which is a no-op by default: the template's.
                EventStatementBatch.this.flush();
            }
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            flush();
        }

        @Override
        public void afterCompletion(int status) {
            if (pending.get() == batch) {
                pending.remove();
            }
            batch.clear();
        }
    }

    private static final class Pending {
        private final List<String> statements = new ArrayList<>(4);
        private final List<Object> arguments = new ArrayList<>(16);
        /** The held append's, where the batch holds one (never more than one). */
        private UnaryOperator<RuntimeException> appendTranslation;

        void add(String sql, Object[] statementArguments) {
            // Joined, a statement short of an argument would take the next one's first: refuse it here,
            // where PostgreSQL would have for the statement alone.
            if (placeholders(sql) != statementArguments.length) {
                throw new IllegalArgumentException(statementArguments.length + " arguments for the placeholders of " + sql);
            }
            statements.add(sql);
            // Arguments may be null (a browser session's device name): not List.of.
            Collections.addAll(arguments, statementArguments);
        }

        int size() {
            return statements.size();
        }

        /** The {@code ?} outside quoted literals and identifiers, as pgjdbc counts them. */
        private static int placeholders(String sql) {
            int count = 0;
            char quote = 0;
            for (int index = 0; index < sql.length(); index++) {
                char character = sql.charAt(index);
                if (quote != 0) {
                    quote = character == quote ? 0 : quote;
                } else if (character == '\'' || character == '"') {
                    quote = character;
                } else if (character == '?') {
                    count++;
                }
            }
            return count;
        }

        void clear() {
            statements.clear();
            arguments.clear();
            appendTranslation = null;
        }
    }
}
