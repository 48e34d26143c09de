package org.identityledger.infrastructure.projection;

import org.springframework.jdbc.core.CallableStatementCallback;
import org.springframework.jdbc.core.CallableStatementCreator;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.StatementCallback;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;

/**
 * A rebuild's template: consecutive updates with the same statement go to PostgreSQL as one JDBC
 * batch (one round trip for many rows) instead of one round trip each, which is what bounds a
 * replay's speed. Order is kept: a different statement, and any query, first sends what is queued,
 * so every handler reads what the ones before it wrote. Handlers must not depend on update counts
 * (none of the projections does; this answers 1). One rebuild thread per instance, so not thread-safe.
 */
final class BatchingJdbcTemplate extends JdbcTemplate {

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
    void flush() {
        if (pendingStatement == null) {
            return;
        }
        String statement = pendingStatement;
        List<Object[]> arguments = new ArrayList<>(pendingArguments);
        pendingStatement = null;
        pendingArguments.clear();
        super.batchUpdate(statement, arguments);
    }

    // Every other way to PostgreSQL sends the queue first. Spring's query methods end in one of these
    // (the private execute variants are only reached through them).
    @Override
    public <T> T query(PreparedStatementCreator creator, PreparedStatementSetter setter, ResultSetExtractor<T> extractor) {
        flush();
        return super.query(creator, setter, extractor);
    }

    @Override
    public <T> T query(String sql, ResultSetExtractor<T> extractor) {
        flush();
        return super.query(sql, extractor);
    }

    @Override
    protected int update(PreparedStatementCreator creator, PreparedStatementSetter setter) {
        flush();
        return super.update(creator, setter);
    }

    @Override
    public int update(String sql) {
        flush();
        return super.update(sql);
    }

    @Override
    public void execute(String sql) {
        flush();
        super.execute(sql);
    }

    @Override
    public <T> T execute(PreparedStatementCreator creator, PreparedStatementCallback<T> action) {
        flush();
        return super.execute(creator, action);
    }

    @Override
    public <T> T execute(StatementCallback<T> action) {
        flush();
        return super.execute(action);
    }

    @Override
    public <T> T execute(ConnectionCallback<T> action) {
        flush();
        return super.execute(action);
    }

    @Override
    public <T> T execute(CallableStatementCreator creator, CallableStatementCallback<T> action) {
        flush();
        return super.execute(creator, action);
    }
}
