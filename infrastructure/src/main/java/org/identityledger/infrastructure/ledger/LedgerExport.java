package org.identityledger.infrastructure.ledger;

import org.identityledger.command.port.LedgerHistory.StoredEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.Consumer;

/**
 * The ledger in its stored form with its seals, for GET /v1/audit/export: every sealed event after a
 * position, read in batches of a thousand (short statements, no long transaction or cursor), so an
 * export of any length runs in constant memory. The payload is the one stored now; the hashes are
 * those sealed, so any change since sealing shows.
 */
@Component
public class LedgerExport {

    private static final int BATCH = 1_000;

    private final JdbcTemplate jdbc;

    LedgerExport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Hands each sealed event after {@code after} to {@code sink}, at most {@code limit} (null: to the head); answers how many. */
    public long forEach(long after, Long limit, Consumer<StoredEvent> sink) {
        long position = after;
        long written = 0;
        while (limit == null || written < limit) {
            int batch = (int) Math.min(BATCH, limit == null ? BATCH : limit - written);
            // The chain's rows first (a range of its primary key), then their events by primary key: a
            // plain join lets the planner scan the whole event table for every batch. An event missing
            // from the table (deleted since it was sealed) is left out of the export, where the
            // verifier finds the hole; the chain's position still moves on.
            List<Row> rows = jdbc.query("SELECT c.position, e.event_identifier, e.payload_type, e.payload_revision,"
                            + " e.aggregate_identifier, e.sequence_number, e.time_stamp, e.payload, c.payload_sha256, c.prev_hash, c.hash"
                            + " FROM (SELECT * FROM ledger_chain WHERE position > ? ORDER BY position LIMIT ?) c"
                            + " LEFT JOIN domain_event_entry e ON e.global_index = c.position ORDER BY c.position",
                    (row, index) -> new Row(row.getLong(1), row.getString(2) == null ? null : new StoredEvent(row.getLong(1),
                            row.getString(2), row.getString(3), row.getString(4), row.getString(5), row.getLong(6), row.getString(7),
                            row.getBytes(8), row.getString(9), row.getString(10), row.getString(11))),
                    position, batch);
            for (Row row : rows) {
                if (row.event() != null) {
                    sink.accept(row.event());
                    written++;
                }
            }
            if (rows.size() < batch) {
                break;
            }
            position = rows.get(rows.size() - 1).position();
        }
        return written;
    }

    private record Row(long position, StoredEvent event) {
    }
}
