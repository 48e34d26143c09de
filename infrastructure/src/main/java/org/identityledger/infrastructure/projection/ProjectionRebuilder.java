package org.identityledger.infrastructure.projection;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.identityledger.command.port.Projections;
import org.identityledger.command.port.RebuildInProgressException;
import org.identityledger.command.port.UnknownProjectionException;
import org.identityledger.query.cache.ViewChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Rebuilds a projection without taking it away: the ledger is streamed in large batches (events
 * read by position, never aggregates loaded) through the projection's own handlers into a shadow
 * schema while the live tables keep serving; then both copies are fingerprinted at one position (a
 * repeatable-read snapshot, no lock), and in one short transaction that locks the live tables the
 * tail since that position is applied and the rebuilt tables take the live ones' place. A checksum that differs leaves the live model as it was (unless
 * the operator forces the swap). One rebuild per projection across the cluster: the instance that
 * runs it holds a session advisory lock on a connection of its own, which PostgreSQL releases when
 * that instance dies; the next rebuild then drops the shadow it left.
 */
@Component
public class ProjectionRebuilder implements Projections {

    /** First half of the advisory lock key; the second is the projection's own number. */
    static final int LOCK_CLASS = 0x50524a42;
    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilder.class);
    private static final int BATCH = 5_000;
    private static final int SWAP_ATTEMPTS = 10;
    /** The verification reads both copies whole: its statements may outlast the pool's 5 s, within this bound. */
    private static final String VERIFY_TIMEOUT = "10min";
    /** How long the swap may hold the live tables, lock waits included: well inside the 2 s a request waits for a lock. */
    private static final long SWAP_BUDGET_MILLIS = 1_000;
    private static final long SWAP_BUDGET_NANOS = TimeUnit.MILLISECONDS.toNanos(SWAP_BUDGET_MILLIS);
    private static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final String INTERRUPTED = "interrupted: the instance running it stopped before it finished;"
            + " the live model was not touched";

    private final ProjectionRegistry registry;
    private final ShadowTables shadows;
    private final ProjectionChecksums checksums;
    private final RebuildRecords records;
    private final EventStorageEngine storageEngine;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final TransactionTemplate repeatableRead;
    private final DataSource dataSource;
    private final Clock clock;
    private final ThreadPoolExecutor executor;

    ProjectionRebuilder(ProjectionRegistry registry, ShadowTables shadows, ProjectionChecksums checksums, RebuildRecords records,
                        EventStorageEngine storageEngine, JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                        DataSource dataSource, Clock clock) {
        this.registry = registry;
        this.shadows = shadows;
        this.checksums = checksums;
        this.records = records;
        this.storageEngine = storageEngine;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.repeatableRead = new TransactionTemplate(transactionManager);
        this.repeatableRead.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.dataSource = dataSource;
        this.clock = clock;
        // One thread per projection at most, no queue: a rebuild that cannot start now is refused, not parked.
        this.executor = new ThreadPoolExecutor(0, registry.all().size(), 60, TimeUnit.SECONDS, new SynchronousQueue<>(), work -> {
            Thread thread = new Thread(work, "projection-rebuild");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public List<ProjectionState> list() {
        long head = headPosition();
        return registry.all().stream().map(projection -> stateOf(projection, head)).toList();
    }

    @Override
    public Optional<ProjectionState> find(String name) {
        return registry.find(name).map(projection -> stateOf(projection, headPosition()));
    }

    @Override
    public RebuildState startRebuild(String name, boolean force) {
        RebuildableProjection projection = registry.find(name).orElseThrow(UnknownProjectionException::new);
        LockHolder lock = acquire(projection);
        try {
            RebuildState started = begin(projection, force);
            executor.execute(() -> {
                try {
                    run(projection, force, started, lock, state -> {
                    });
                } finally {
                    release(lock);
                }
            });
            return started;
        } catch (RejectedExecutionException busy) {
            release(lock);
            throw new RebuildInProgressException(name);
        } catch (RuntimeException failure) {
            release(lock);
            throw failure;
        }
    }

    @Override
    public RebuildState rebuild(String name, boolean force, Consumer<RebuildState> progress) {
        RebuildableProjection projection = registry.find(name).orElseThrow(UnknownProjectionException::new);
        LockHolder lock = acquire(projection);
        try {
            return run(projection, force, begin(projection, force), lock, progress);
        } finally {
            release(lock);
        }
    }

    /** Subscribing projections apply every event in its own transaction: a live one stands at the head, with no lag. */
    private ProjectionState stateOf(RebuildableProjection projection, long head) {
        Optional<RebuildState> rebuild = records.find(projection.name()).map(state -> isRunning(state) && !lockHeld(projection)
                ? new RebuildState("failed", state.processed(), state.total(), state.eventsPerSecond(), state.startedAt(), null,
                state.liveChecksum(), state.rebuiltChecksum(), INTERRUPTED, state.forced())
                : state);
        String status = rebuild.map(state -> isRunning(state) ? "rebuilding" : state.state().equals("failed") ? "failed" : "live")
                .orElse("live");
        return new ProjectionState(projection.name(), status, head, head, 0, 0.0, rebuild);
    }

    private static boolean isRunning(RebuildState state) {
        return state.state().equals("running") || state.state().equals("verifying");
    }

    private RebuildState begin(RebuildableProjection projection, boolean force) {
        RebuildState started = new RebuildState("running", 0, headPosition(), 0, clock.instant(), null, null, null, null, force);
        records.save(projection.name(), started);
        log.info("Rebuild of projection {} started{}", projection.name(), force ? " (forced swap)" : "");
        return started;
    }

    private RebuildState run(RebuildableProjection projection, boolean force, RebuildState started, LockHolder lock,
                             Consumer<RebuildState> progress) {
        Run run = new Run(projection, started, lock, progress);
        try {
            String live = shadows.liveSchema();
            shadows.create(projection, live);
            run.catchUp(live);
            shadows.createQueryIndexes(projection, live);
            run.catchUp(live);
            shadows.analyze(projection);
            run.report("verifying", null, null, null, null);
            Outcome verified = run.verify(live);
            if (!verified.equal() && !force) {
                return run.mismatch(verified);
            }
            for (int attempt = 1; attempt <= SWAP_ATTEMPTS; attempt++) {
                // Caught up right before: the tail the swap applies under its lock is what committed in the last moment.
                run.catchUp(live);
                Run.Position before = run.position();
                try {
                    return run.swap(live, verified);
                } catch (DataAccessException | SwapTooLongException busy) {
                    // Live traffic held the tables (lock or statement timeout), or the swap would hold them too long:
                    // it rolled back, the live tables as they were; retry (a bounded number of times).
                    run.restore(before);
                    log.info("Rebuild of projection {}: swap attempt {} gave way to live traffic ({}), retrying", projection.name(),
                            attempt, busy.getClass().getSimpleName());
                }
            }
            throw new IllegalStateException("the live tables stayed busy through " + SWAP_ATTEMPTS + " swap attempts");
        } catch (RuntimeException failure) {
            log.warn("Rebuild of projection {} failed: {}", projection.name(), failure.toString());
            try {
                shadows.dropLeftovers(projection);
            } catch (RuntimeException cleanup) {
                log.warn("Could not drop the shadow of projection {} (the next rebuild will): {}", projection.name(), cleanup.toString());
            }
            return run.report("failed", clock.instant(), null, null, String.valueOf(failure.getMessage()));
        }
    }

    /** One rebuild's progress: the stream position reached and the events read so far. */
    private final class Run {

        private final RebuildableProjection projection;
        private final RebuildState started;
        private final LockHolder lock;
        private final Consumer<RebuildState> progress;
        private final BatchingJdbcTemplate batching;
        private final AnnotationEventHandlerAdapter handlers;
        private final long startedNanos = System.nanoTime();
        private long lastLogNanos = System.nanoTime();
        private TrackingToken token;
        private long processed;
        private long lastPosition;

        Run(RebuildableProjection projection, RebuildState started, LockHolder lock, Consumer<RebuildState> progress) {
            this.projection = projection;
            this.started = started;
            this.lock = lock;
            this.progress = progress;
            this.batching = new BatchingJdbcTemplate(dataSource);
            this.handlers = new AnnotationEventHandlerAdapter(projection.handlersWritingThrough().apply(batching));
        }

        /** Where the copy stands: saved before a swap attempt, restored when the attempt rolls back. */
        record Position(TrackingToken token, long processed, long lastPosition) {
        }

        Position position() {
            return new Position(token, processed, lastPosition);
        }

        void restore(Position position) {
            batching.discard();
            token = position.token();
            processed = position.processed();
            lastPosition = position.lastPosition();
        }

        void catchUp(String live) {
            int read;
            do {
                read = transactions.execute(status -> apply(live, BATCH));
                report("running", null, null, null, null);
            } while (read == BATCH);
        }

        /**
         * Proves the copy equal to the live model at one position without locking anything: in one
         * repeatable-read snapshot the live tables hold exactly the events committed in it (each
         * event's projection writes commit with the event), and the copy is brought to the same
         * events by applying, inside the snapshot, the ones it has not seen. Table size then costs
         * this transaction time, never the live traffic a lock would hold up.
         */
        Outcome verify(String live) {
            java.time.Instant at = clock.instant();
            return repeatableRead.execute(status -> {
                jdbc.execute("SET LOCAL statement_timeout = '" + VERIFY_TIMEOUT + "'");
                while (apply(live, BATCH) == BATCH) {
                    // the tail visible in this snapshot
                }
                String shadow = ShadowTables.shadowSchemaOf(projection);
                projection.reconciliation().reconcile(live, shadow);
                String liveChecksum = checksums.of(projection, live);
                String rebuiltChecksum = checksums.of(projection, shadow);
                return new Outcome(liveChecksum, rebuiltChecksum, liveChecksum.equals(rebuiltChecksum), at);
            });
        }

        /**
         * The swap: with the live tables locked, the events committed since the verified snapshot
         * are applied to the copy (the live model applied the same ones), the carried state is
         * brought up to date, and the tables change schemas. A short transaction: only the tail.
         */
        RebuildState swap(String live, Outcome verified) {
            transactions.executeWithoutResult(status -> {
                long lockedBy = System.nanoTime() + SWAP_BUDGET_NANOS;
                // Shorter than deadlock_timeout (1 s): should a command hold one table and wait for another this
                // swap holds, the swap gives up first and retries; the command never becomes the deadlock's victim.
                // And the whole swap, lock waits included, stays well inside the 2 s every request may wait for a lock.
                jdbc.execute("SET LOCAL lock_timeout = '500ms'");
                jdbc.execute("SET LOCAL statement_timeout = '" + SWAP_BUDGET_MILLIS + "ms'");
                jdbc.execute("LOCK TABLE " + String.join(", ", projection.tables().stream().map(table -> live + "." + table).toList())
                        + " IN ACCESS EXCLUSIVE MODE");
                while (apply(live, BATCH) == BATCH) {
                    // the tail: what committed since the last catch-up, and gaps that filled meanwhile
                    if (System.nanoTime() > lockedBy) {
                        throw new SwapTooLongException();
                    }
                }
                projection.reconciliation().reconcileRecent(live, ShadowTables.shadowSchemaOf(projection), verified.at());
                shadows.swap(projection, live);
                // Views cached on every instance were read from the tables just replaced (a forced swap
                // changes them): all are forgotten when this commits, wherever this rebuild runs.
                ViewChanges.everythingChangedThrough(jdbc);
                if (System.nanoTime() > lockedBy) {
                    throw new SwapTooLongException();
                }
            });
            log.info("Rebuild of projection {} swapped in: {} events, checksum {}{}", projection.name(), processed,
                    verified.rebuiltChecksum(), verified.equal() ? "" : " (forced over live " + verified.liveChecksum() + ")");
            return report("swapped", clock.instant(), verified.liveChecksum(), verified.rebuiltChecksum(), verified.equal() ? null
                    : "checksum mismatch, swapped because forced");
        }

        RebuildState mismatch(Outcome verified) {
            shadows.dropLeftovers(projection);
            log.warn("Rebuild of projection {} not swapped: live checksum {} but rebuilt {}", projection.name(),
                    verified.liveChecksum(), verified.rebuiltChecksum());
            return report("failed", clock.instant(), verified.liveChecksum(), verified.rebuiltChecksum(),
                    "checksum mismatch: the live model differs from the ledger; it was left as it was (rebuild with force to replace it)");
        }

        /** Reads up to {@code limit} events after the token and applies them to the shadow; answers how many it read. */
        private int apply(String live, int limit) {
            // Only while this rebuild still holds its lock: had its session been lost, another rebuild may have
            // dropped the shadow, and unqualified statements would then reach the live tables.
            if (!lockHeld(projection, lock.pid())) {
                throw new IllegalStateException("the rebuild lost its lock (its database session ended)");
            }
            jdbc.execute("SET LOCAL search_path TO " + ShadowTables.shadowSchemaOf(projection) + ", " + live);
            int read = 0;
            try (Stream<? extends TrackedEventMessage<?>> events = storageEngine.readEvents(token, false)) {
                Iterator<? extends TrackedEventMessage<?>> iterator = events.iterator();
                while (read < limit && iterator.hasNext()) {
                    TrackedEventMessage<?> event = iterator.next();
                    try {
                        handlers.handle(event);
                    } catch (Exception failure) {
                        throw new IllegalStateException("event at position " + event.trackingToken().position().orElse(-1)
                                + " failed in the rebuild: " + failure.getMessage(), failure);
                    }
                    token = event.trackingToken();
                    lastPosition = token.position().orElse(lastPosition);
                    read++;
                }
            }
            batching.flush();
            processed += read;
            return read;
        }

        RebuildState report(String state, Instant finishedAt, String liveChecksum, String rebuiltChecksum, String reason) {
            double seconds = (System.nanoTime() - startedNanos) / 1e9;
            long remaining = state.equals("swapped") ? 0 : Math.max(0, headPosition() - lastPosition);
            RebuildState current = new RebuildState(state, processed, processed + remaining, seconds > 0 ? processed / seconds : 0,
                    started.startedAt(), finishedAt, liveChecksum, rebuiltChecksum, reason, started.forced());
            records.save(projection.name(), current);
            progress.accept(current);
            if (System.nanoTime() - lastLogNanos > LOG_EVERY_NANOS && state.equals("running")) {
                lastLogNanos = System.nanoTime();
                log.info("Rebuild of projection {}: {} of ~{} events, {} events/s", projection.name(), current.processed(),
                        current.total(), Math.round(current.eventsPerSecond()));
            }
            return current;
        }
    }

    private record Outcome(String liveChecksum, String rebuiltChecksum, boolean equal, java.time.Instant at) {
    }

    /** The swap would hold the live tables longer than its budget: it rolls back and is tried again. */
    private static final class SwapTooLongException extends RuntimeException {
        SwapTooLongException() {
            super("the swap would hold the live tables too long", null, false, false);
        }
    }

    /** The connection holding a rebuild's advisory lock, and its server process (to confirm it still holds the lock). */
    private record LockHolder(Connection connection, int pid) {
    }

    private long headPosition() {
        return jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
    }

    private boolean lockHeld(RebuildableProjection projection) {
        return lockHeld(projection, null);
    }

    /** Whether some session ({@code pid} null) or that server process holds the projection's rebuild lock. */
    private boolean lockHeld(RebuildableProjection projection, Integer pid) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory'"
                + " AND CAST(classid AS bigint) = ? AND CAST(objid AS bigint) = ? AND objsubid = 2 AND granted"
                + " AND (CAST(? AS integer) IS NULL OR pid = ?))",
                Boolean.class, (long) LOCK_CLASS, (long) projection.lockKey(), pid, pid));
    }

    /** A connection of its own, outside every transaction, holding the projection's advisory lock for the whole rebuild. */
    private LockHolder acquire(RebuildableProjection projection) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?), pg_backend_pid()")) {
                statement.setInt(1, LOCK_CLASS);
                statement.setInt(2, projection.lockKey());
                try (ResultSet result = statement.executeQuery()) {
                    if (result.next() && result.getBoolean(1)) {
                        return new LockHolder(connection, result.getInt(2));
                    }
                }
            }
            connection.close();
            throw new RebuildInProgressException(projection.name());
        } catch (SQLException failure) {
            closeQuietly(connection);
            throw new org.springframework.dao.DataAccessResourceFailureException("Could not take the rebuild lock", failure);
        }
    }

    private void release(LockHolder lock) {
        Connection connection = lock.connection();
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock_all()")) {
            statement.execute();
            connection.close();
        } catch (SQLException failure) {
            // A pooled connection must not go back holding the lock: abort it, which ends its session.
            try {
                connection.abort(Runnable::run);
            } catch (SQLException ignored) {
                // the session is gone either way
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing held yet
            }
        }
    }
}
