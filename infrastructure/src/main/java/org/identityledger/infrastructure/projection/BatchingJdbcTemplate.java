package org.identityledger.infrastructure.projection;

import org.identityledger.infrastructure.database.QueueingJdbcTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;

/**
 * A rebuild's template: consecutive updates with the same statement go to PostgreSQL as one JDBC
 * batch (one round trip for many rows) instead of one round trip each, which is what bounds a
 * replay's speed. Order is kept: a different statement, and any query, first sends what is queued
 * ({@link QueueingJdbcTemplate}), so every handler reads what the ones before it wrote. Handlers
 * must not depend on update counts (none of the projections does; this answers 1). One rebuild
 * thread per instance, so not thread-safe.
 */
final class BatchingJdbcTemplate extends QueueingJdbcTemplate {

    private static final int MAX_BATCH = 1_000;

    private String pendingStatement;
    private final List<Object[]> pendingArguments = new ArrayList<>();

    BatchingJdbcTemplate(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    public int update(String sql, Object... arguments) {
        if (!sql.equals(pendingStatement)) {
            flush();
        }
        pendingStatement = sql;
        pendingArguments.add(arguments);
        if (pendingArguments.size() >= MAX_BATCH) {
            flush();
        }
        return 1;
    }

    /** Forgets what is queued: its transaction rolled back, so it must not reach the next one. */
    void discard() {
        pendingStatement = null;
        pendingArguments.clear();
    }

    /** Sends what is queued; a rebuild calls it before each commit. */
    @Override
    protected void flush() {
        if (pendingStatement == null) {
            return;
        }
        String statement = pendingStatement;
        List<Object[]> arguments = new ArrayList<>(pendingArguments);
        pendingStatement = null;
        pendingArguments.clear();
        super.batchUpdate(statement, arguments);
    }
}
