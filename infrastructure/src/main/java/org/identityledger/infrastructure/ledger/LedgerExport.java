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
            List<StoredEvent> lines = jdbc.query("SELECT c.position, e.event_identifier, e.payload_type, e.payload_revision,"
                            + " e.aggregate_identifier, e.sequence_number, e.time_stamp, e.payload, c.payload_sha256, c.prev_hash, c.hash"
                            + " FROM ledger_chain c JOIN domain_event_entry e ON e.global_index = c.position"
                            + " WHERE c.position > ? ORDER BY c.position LIMIT ?",
                    (row, index) -> new StoredEvent(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                            row.getLong(6), row.getString(7), row.getBytes(8), row.getString(9), row.getString(10), row.getString(11)),
                    position, batch);
            lines.forEach(sink);
            written += lines.size();
            if (lines.size() < batch) {
                break;
            }
            position = lines.get(lines.size() - 1).position();
        }
        return written;
    }
}
