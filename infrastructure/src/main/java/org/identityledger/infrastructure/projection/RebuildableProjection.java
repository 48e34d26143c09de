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

    /** Runs in the swap's transaction, after the tail and before the checksums, with both schemas locked. */
    @FunctionalInterface
    public interface Reconciliation {

        Reconciliation NONE = (liveSchema, shadowSchema) -> {
        };

        void reconcile(String liveSchema, String shadowSchema);
    }
}
