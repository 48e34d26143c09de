package org.identityledger.infrastructure.eventstore;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.identityledger.infrastructure.database.QueueingJdbcTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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

    /** Sends what this thread has queued, as one statement. */
    @Override
    protected void flush() {
        Pending batch = pending.get();
        if (batch == null || batch.size() == 0) {
            return;
        }
        String statement = String.join(";\n", batch.statements);
        Object[] arguments = batch.arguments.toArray();
        batch.clear();
        super.update(statement, arguments);
    }

    private static final class Pending {
        private final List<String> statements = new ArrayList<>(4);
        private final List<Object> arguments = new ArrayList<>(16);

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
        }
    }
}
