package org.identityledger.infrastructure.projection;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.function.Function;

/**
 * A read model that can be rebuilt from the ledger: its name in the admin API, how to make the object
 * whose {@code @EventHandler}s build it write through a given template (the rebuild's), the tables it owns (written by nothing else but {@code reconciliation}'s
 * state), and what must be carried from the live tables into the rebuilt ones because the events do
 * not hold it (a session's last activity, the retention purge), applied under the swap's lock.
 */
public record RebuildableProjection(String name, int lockKey, Function<JdbcTemplate, Object> handlersWritingThrough,
                                    List<String> tables, Reconciliation reconciliation) {

    /**
     * Brings into the copy what the events do not hold. {@code reconcile} runs in the verification's
     * snapshot, before the checksums, over the whole tables; {@code reconcileRecent} under the swap's
     * lock, for what changed since the verification began only, so the lock is held for little.
     */
    public interface Reconciliation {

        Reconciliation NONE = new Reconciliation() {
            @Override
            public void reconcile(String liveSchema, String shadowSchema) {
            }

            @Override
            public void reconcileRecent(String liveSchema, String shadowSchema, java.time.Instant since) {
            }
        };

        void reconcile(String liveSchema, String shadowSchema);

        void reconcileRecent(String liveSchema, String shadowSchema, java.time.Instant since);
    }

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[a-z][a-z0-9-]{0,40}");

    /** The name becomes part of schema names and SQL: a plain lower-case word, hyphens allowed, nothing else. */
    public RebuildableProjection {
        if (!NAME.matcher(name).matches() || tables.stream().anyMatch(table -> !table.matches("[a-z][a-z0-9_]{0,62}"))) {
            throw new IllegalArgumentException("projection and table names must be plain lower-case words: " + name);
        }
    }
}
