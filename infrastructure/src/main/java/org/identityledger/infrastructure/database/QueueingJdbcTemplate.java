package org.identityledger.infrastructure.database;

import org.springframework.jdbc.core.CallableStatementCallback;
import org.springframework.jdbc.core.CallableStatementCreator;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.StatementCallback;
import org.springframework.jdbc.support.KeyHolder;

import javax.sql.DataSource;
import java.util.stream.Stream;

/**
 * A template whose {@code update(sql, arguments)} may hold statements back to send several in one
 * round trip, and which therefore sends what it holds before any other use of PostgreSQL through it,
 * so a handler always reads what it wrote. Spring's query and update methods all end in one of the
 * methods below (those are the callers of its private {@code execute} variants, as of spring-jdbc 6.2).
 */
public abstract class QueueingJdbcTemplate extends JdbcTemplate {

    protected QueueingJdbcTemplate(DataSource dataSource) {
        super(dataSource);
    }

    /** Sends what is held back; nothing when nothing is. */
    protected abstract void flush();

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
    public <T> Stream<T> queryForStream(String sql, RowMapper<T> rowMapper) {
        flush();
        return super.queryForStream(sql, rowMapper);
    }

    @Override
    public <T> Stream<T> queryForStream(PreparedStatementCreator creator, PreparedStatementSetter setter, RowMapper<T> rowMapper) {
        flush();
        return super.queryForStream(creator, setter, rowMapper);
    }

    @Override
    protected int update(PreparedStatementCreator creator, PreparedStatementSetter setter) {
        flush();
        return super.update(creator, setter);
    }

    @Override
    public int update(PreparedStatementCreator creator, KeyHolder generatedKeys) {
        flush();
        return super.update(creator, generatedKeys);
    }

    @Override
    public int update(String sql) {
        flush();
        return super.update(sql);
    }

    @Override
    public int[] batchUpdate(String... sql) {
        flush();
        return super.batchUpdate(sql);
    }

    @Override
    public void execute(String sql) {
        flush();
        super.execute(sql);
    }

    @Override
    public <T> T execute(String sql, PreparedStatementCallback<T> action) {
        flush();
        return super.execute(sql, action);
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
