package org.identityledger.infrastructure.projection;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HexFormat;
import java.util.Map;

/**
 * An order-independent fingerprint of a projection's rows, computed in PostgreSQL: every row's text
 * form hashed (md5, first 64 bits) and the hashes combined with XOR, per table, plus the row count
 * (XOR alone would let two equal rows cancel out). Two copies with the same rows in any physical
 * order and any insertion history agree; one changed, missing or extra row changes it. One pass
 * over each table, no sort; read in the swap's transaction for both copies at the same position.
 */
@Component
class ProjectionChecksums {

    private final JdbcTemplate jdbc;

    ProjectionChecksums(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code <rows>:<16 hex digits>}; tables are told apart by mixing in a hash of their name. */
    String of(RebuildableProjection projection, String schema) {
        long rows = 0;
        long combined = 0;
        for (String table : projection.tables()) {
            Map<String, Object> sums = jdbc.queryForMap("SELECT count(*) AS row_count, coalesce(bit_xor(CAST(CAST(('x' || left(md5("
                    + "CAST(r AS text)), 16)) AS bit(64)) AS bigint)), 0) AS xor_of_rows FROM " + schema + "." + table + " r");
            long tableRows = ((Number) sums.get("row_count")).longValue();
            long tableXor = ((Number) sums.get("xor_of_rows")).longValue();
            rows += tableRows;
            combined ^= Long.rotateLeft(tableXor ^ tableRows, table.hashCode() & 63) ^ table.hashCode();
        }
        return rows + ":" + HexFormat.of().toHexDigits(combined);
    }
}
