package org.identityledger.command.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The read models as an operator sees them: each one's position against the head of the ledger,
 * and a rebuild that fills a shadow copy while the live one keeps serving, proves the copy equal to
 * the live model at one position (order-independent checksums) and swaps the two atomically.
 */
public interface Projections {

    /** One read model: {@code status} is live, rebuilding or failed (its last rebuild failed; the live model still serves). */
    record ProjectionState(String name, String status, long position, long headPosition, long lagEvents, double lagSeconds,
                           Optional<RebuildState> rebuild) {
    }

    /** The latest rebuild: {@code state} running, verifying, swapped or failed ({@code reason} says why). */
    record RebuildState(String state, long processed, long total, double eventsPerSecond, Instant startedAt, Instant finishedAt,
                        String liveChecksum, String rebuiltChecksum, String reason, boolean forced) {
    }

    List<ProjectionState> list();

    Optional<ProjectionState> find(String name);

    /**
     * Starts a rebuild in the background and returns once it holds the cluster-wide lock. With
     * {@code force} the rebuilt copy replaces the live one even when their checksums differ (the
     * operator's answer to a live model found corrupt). Throws {@link RebuildInProgressException}
     * when a rebuild of it runs anywhere, {@link UnknownProjectionException} for a name that is none.
     */
    RebuildState startRebuild(String name, boolean force);

    /** Runs a rebuild on the calling thread, reporting progress as it goes (the CLI's form). */
    RebuildState rebuild(String name, boolean force, java.util.function.Consumer<RebuildState> progress);
}
