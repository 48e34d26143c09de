package org.identityledger.infrastructure.ledger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Seals committed events into the hash chain (ledger_chain), in ascending position, after their own
 * transactions committed: it only reads the event table, so no write ever waits for it. One
 * instance seals at a time (a transaction-scoped advisory lock; the others' rounds do nothing).
 *
 * <p>Positions come from a sequence, so a position below a committed one can still be missing: its
 * transaction is in flight (it will commit later) or rolled back (it never will). A gap is therefore
 * "not yet" until every transaction that was running when it was seen has ended — PostgreSQL's
 * snapshot says so exactly ({@code xmin} has passed the {@code xmax} taken a quarter second after the
 * gap was seen: the grace covers the instant between drawing a position and getting a transaction id).
 * Only then, on a fresh read, is a position still missing a hole that never fills and is skipped.
 */
@Component
public class LedgerSealer {

    private static final Logger log = LoggerFactory.getLogger(LedgerSealer.class);
    /** The advisory lock all instances contend for; any constant unique to this use. */
    static final long LOCK_KEY = 0x4C45444745524CL;
    private static final int BATCH = 1_000;
    private static final long GRACE_NANOS = 250_000_000L;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    /** Gaps at or below this position have been proven final (no transaction can still fill them). */
    private long finalBelow;
    /** The current proof in progress: the highest position seen when it started, its start, and the xmax taken after the grace. */
    private long epochHighest = -1;
    private long epochStartedAt;
    private Long epochXmax;

    LedgerSealer(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    private record Row(long position, String eventId, String type, String revision, String aggregateId, long sequence,
                       String timestamp, byte[] payload) {
    }

    private record Tip(long position, String hash) {
    }

    /** One round: seals up to a batch of events; answers how many (0 when another instance holds the lock). */
    public synchronized int sealOnce() {
        Integer sealed = transactions.execute(status -> {
            if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, LOCK_KEY))) {
                return 0;
            }
            Tip tip = jdbc.query("SELECT position, hash FROM ledger_chain ORDER BY position DESC LIMIT 1",
                    (row, index) -> new Tip(row.getLong(1), row.getString(2))).stream().findFirst()
                    .orElse(new Tip(0, ChainFormula.GENESIS));
            List<Row> rows = jdbc.query("SELECT global_index, event_identifier, payload_type, payload_revision, aggregate_identifier,"
                            + " sequence_number, time_stamp, payload FROM domain_event_entry WHERE global_index > ?"
                            + " ORDER BY global_index LIMIT " + BATCH,
                    (row, index) -> new Row(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                            row.getLong(6), row.getString(7), row.getBytes(8)), tip.position());
            return seal(tip, rows);
        });
        return sealed == null ? 0 : sealed;
    }

    private int seal(Tip tip, List<Row> rows) {
        long expected = tip.position() + 1;
        String previous = tip.hash();
        List<Object[]> links = new ArrayList<>();
        Timestamp now = Timestamp.from(clock.instant());
        for (Row row : rows) {
            if (row.position() != expected && row.position() - 1 > finalBelow) {
                proveGaps();
                break;
            }
            String payloadSha256 = ChainFormula.payloadSha256(row.payload());
            String hash = ChainFormula.hash(previous, new ChainFormula.Link(row.position(), row.eventId(), row.type(),
                    row.revision(), row.aggregateId(), row.sequence(), row.timestamp(), payloadSha256));
            links.add(new Object[] {row.position(), row.eventId(), payloadSha256, previous, hash, now});
            previous = hash;
            expected = row.position() + 1;
        }
        if (!links.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO ledger_chain (position, event_id, payload_sha256, prev_hash, hash, sealed_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", links);
        }
        return links.size();
    }

    /**
     * Advances the proof that every gap up to the highest position drawn when the proof began is
     * final. It takes three rounds at least, and the gaps are only passed in a round that reads the
     * events after the proof.
     */
    private void proveGaps() {
        long now = System.nanoTime();
        if (epochHighest < 0) {
            // Everything drawn so far, not just this batch: one proof then covers every gap up to the head.
            epochHighest = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
            epochStartedAt = now;
            epochXmax = null;
        } else if (epochXmax == null) {
            if (now - epochStartedAt >= GRACE_NANOS) {
                epochXmax = jdbc.queryForObject("SELECT txid_snapshot_xmax(txid_current_snapshot())", Long.class);
            }
        } else if (jdbc.queryForObject("SELECT txid_snapshot_xmin(txid_current_snapshot())", Long.class) >= epochXmax) {
            finalBelow = Math.max(finalBelow, epochHighest);
            epochHighest = -1;
        } else if (now - epochStartedAt > 60_000_000_000L) {
            log.warn("A transaction that began before position {} was drawn is still open after a minute; sealing waits for it",
                    epochHighest);
            epochStartedAt = now;
        }
    }
}
