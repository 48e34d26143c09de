package org.identityledger.infrastructure.projection;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shadow copy of a projection's tables: a schema of its own holding tables of the same shape,
 * with the live tables' indexes and constraints under their own names, so the swap is a matter of
 * moving tables between schemas ({@code ALTER TABLE … SET SCHEMA}) and the swapped-in tables look to
 * every later migration exactly like the ones they replace. The projection's handlers fill it
 * unchanged: they name their tables without a schema, and the rebuild puts the shadow schema first
 * in the transaction's search path.
 */
@Component
class ShadowTables {

    private static final Pattern ON_TABLE = Pattern.compile(" ON (ONLY )?(\\S+) USING ");

    /** Index builds and statistics on a large copy outlast the pool's 5 s statement bound: their own, generous one. */
    private static final String BUILD_TIMEOUT = "10min";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    ShadowTables(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    private void withBuildTimeout(Runnable work) {
        transactions.executeWithoutResult(status -> {
            jdbc.execute("SET LOCAL statement_timeout = '" + BUILD_TIMEOUT + "'");
            work.run();
        });
    }

    /** Projection names may hold hyphens (account-lookups); schema names take underscores. */
    static String shadowSchemaOf(RebuildableProjection projection) {
        return "ledger_rebuild_" + projection.name().replace('-', '_');
    }

    static String retiredSchemaOf(RebuildableProjection projection) {
        return "ledger_retired_" + projection.name().replace('-', '_');
    }

    /** The schema the live tables are in, quoted as an identifier for the statements built from it. */
    String liveSchema() {
        return jdbc.queryForObject("SELECT quote_ident(current_schema())", String.class);
    }

    /**
     * Drops what an earlier, interrupted rebuild left behind, then creates empty tables shaped like
     * the live ones, with their primary and unique keys (the handlers' updates find rows by them).
     * The other indexes only serve queries: {@link #createQueryIndexes} builds them once the bulk of
     * the rows is in, which is cheaper than keeping them up to date row by row.
     */
    void create(RebuildableProjection projection, String liveSchema) {
        String shadow = shadowSchemaOf(projection);
        dropLeftovers(projection);
        jdbc.execute("CREATE SCHEMA " + shadow);
        for (String table : projection.tables()) {
            jdbc.execute("CREATE TABLE " + shadow + "." + table + " (LIKE " + liveSchema + "." + table
                    + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED)");
            for (Map<String, Object> index : indexesOf(liveSchema, table)) {
                Object constraintType = index.get("constraint_type");
                if (constraintType != null) {
                    jdbc.execute(copyOf(index, shadow, table));
                    String kind = "p".equals(constraintType.toString()) ? "PRIMARY KEY" : "UNIQUE";
                    jdbc.execute("ALTER TABLE " + shadow + "." + table + " ADD CONSTRAINT " + index.get("name") + " " + kind
                            + " USING INDEX " + index.get("name"));
                }
            }
        }
    }

    /** The live tables' other indexes, under their own names, on the filled copy. */
    void createQueryIndexes(RebuildableProjection projection, String liveSchema) {
        String shadow = shadowSchemaOf(projection);
        for (String table : projection.tables()) {
            for (Map<String, Object> index : indexesOf(liveSchema, table)) {
                if (index.get("constraint_type") == null) {
                    withBuildTimeout(() -> jdbc.execute(copyOf(index, shadow, table)));
                }
            }
        }
    }

    private List<Map<String, Object>> indexesOf(String schema, String table) {
        return jdbc.queryForList("SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition,"
                + " c.contype AS constraint_type FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
                + " LEFT JOIN pg_constraint c ON c.conindid = i.oid AND c.contype IN ('p', 'u')"
                + " WHERE x.indrelid = CAST(? AS regclass)", schema + "." + table);
    }

    /** The live index's own definition, on the shadow table: same name (in the shadow schema), same columns and predicate. */
    private static String copyOf(Map<String, Object> index, String shadow, String table) {
        Matcher on = ON_TABLE.matcher((String) index.get("definition"));
        if (!on.find()) {
            throw new IllegalStateException("Cannot copy index " + index.get("name") + " of " + table);
        }
        return on.replaceFirst(Matcher.quoteReplacement(" ON " + shadow + "." + table + " USING "));
    }

    /** Fresh statistics before the swap, so the planner does not take the rebuilt tables for empty ones. */
    void analyze(RebuildableProjection projection) {
        for (String table : projection.tables()) {
            withBuildTimeout(() -> jdbc.execute("ANALYZE " + shadowSchemaOf(projection) + "." + table));
        }
    }

    /** Inside the swap's transaction, with the live tables locked: the rebuilt tables take the live ones' place. */
    void swap(RebuildableProjection projection, String liveSchema) {
        String retired = retiredSchemaOf(projection);
        jdbc.execute("DROP SCHEMA IF EXISTS " + retired + " CASCADE");
        jdbc.execute("CREATE SCHEMA " + retired);
        for (String table : projection.tables()) {
            jdbc.execute("ALTER TABLE " + liveSchema + "." + table + " SET SCHEMA " + retired);
            jdbc.execute("ALTER TABLE " + shadowSchemaOf(projection) + "." + table + " SET SCHEMA " + liveSchema);
        }
        // RESTRICT: should anything (a view, a key) ever depend on a live table, the swap fails and rolls
        // back rather than silently dropping it with the retired table.
        for (String table : projection.tables()) {
            jdbc.execute("DROP TABLE " + retired + "." + table + " RESTRICT");
        }
        jdbc.execute("DROP SCHEMA " + retired + " RESTRICT");
        jdbc.execute("DROP SCHEMA " + shadowSchemaOf(projection) + " RESTRICT");
    }

    void dropLeftovers(RebuildableProjection projection) {
        jdbc.execute("DROP SCHEMA IF EXISTS " + shadowSchemaOf(projection) + " CASCADE");
        jdbc.execute("DROP SCHEMA IF EXISTS " + retiredSchemaOf(projection) + " CASCADE");
    }
}
