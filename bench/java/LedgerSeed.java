import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * bench/ledger's database helper (run as a single-file program with the service's own JDBC driver):
 *   seed URL N     appends N refresh-rotation events straight into the event table, in batches
 *   sealed URL     prints "events sealed" (the head of the event table, the chain's tip)
 * Straight SQL because the point is the reading side at scale, not how fast events can be written.
 */
public class LedgerSeed {

    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection(args[1], "postgres", "postgres")) {
            if (args[0].equals("seed")) {
                seed(connection, Long.parseLong(args[2]));
            } else {
                try (ResultSet row = connection.createStatement().executeQuery(
                        "SELECT (SELECT coalesce(max(global_index), 0) FROM domain_event_entry),"
                                + " (SELECT coalesce(max(position), 0) FROM ledger_chain)")) {
                    row.next();
                    System.out.println(row.getLong(1) + " " + row.getLong(2));
                }
            }
        }
    }

    private static void seed(Connection connection, long events) throws Exception {
        String hash = "a".repeat(43);
        String sql = "INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,"
                + " payload_type, payload_revision, payload, meta_data)"
                + " SELECT gen_random_uuid()::text, 'ses_bench_' || ((? + n) / 100), (? + n) % 100, 'Session',"
                + " '2026-11-24T00:00:00.' || lpad(((? + n) % 1000)::text, 3, '0') || 'Z',"
                + " 'org.identityledger.events.session.RefreshTokenRotatedEvent', '1',"
                + " convert_to('{\"session_id\":\"ses_bench_' || ((? + n) / 100) || '\",\"account_ref\":\"acc_bench_' || ((? + n) / 1000)"
                + " || '\",\"spent_token_hash\":\"" + hash + "\",\"new_token_hash\":\"" + hash + "\",\"generation\":' || ((? + n) % 100)"
                + " || ',\"rotated_at\":\"2026-11-24T00:00:00Z\"}', 'UTF8'), convert_to('{}', 'UTF8')"
                + " FROM generate_series(0, ? - 1) n";
        connection.setAutoCommit(true);
        long batch = 50_000;
        for (long done = 0; done < events; done += batch) {
            long size = Math.min(batch, events - done);
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                for (int parameter = 1; parameter <= 6; parameter++) {
                    insert.setLong(parameter, done);
                }
                insert.setLong(7, size);
                insert.executeUpdate();
            }
            System.err.print("\r[bench] seeded " + (done + size) + " events");
        }
        System.err.println();
    }
}
