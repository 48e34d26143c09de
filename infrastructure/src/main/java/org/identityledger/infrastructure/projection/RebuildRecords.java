package org.identityledger.infrastructure.projection;

import org.identityledger.command.port.Projections.RebuildState;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The latest rebuild of each projection, in projection_rebuild, so that any instance answers for a
 * rebuild another one runs. Written outside the rebuild's own transactions (a progress line must
 * not wait for a batch, nor vanish with one that rolls back).
 */
@Component
class RebuildRecords {

    private final JdbcTemplate jdbc;

    RebuildRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void save(String name, RebuildState state) {
        jdbc.update("INSERT INTO projection_rebuild (name, state, processed, total, events_per_second, started_at, finished_at,"
                        + " live_checksum, rebuilt_checksum, reason, forced) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (name) DO UPDATE SET state = excluded.state, processed = excluded.processed,"
                        + " total = excluded.total, events_per_second = excluded.events_per_second, started_at = excluded.started_at,"
                        + " finished_at = excluded.finished_at, live_checksum = excluded.live_checksum,"
                        + " rebuilt_checksum = excluded.rebuilt_checksum, reason = excluded.reason, forced = excluded.forced",
                name, state.state(), state.processed(), state.total(), state.eventsPerSecond(), timestamp(state.startedAt()),
                timestamp(state.finishedAt()), state.liveChecksum(), state.rebuiltChecksum(), state.reason(), state.forced());
    }

    Optional<RebuildState> find(String name) {
        List<RebuildState> found = jdbc.query("SELECT * FROM projection_rebuild WHERE name = ?", (row, number) -> new RebuildState(
                row.getString("state"), row.getLong("processed"), row.getLong("total"), row.getDouble("events_per_second"),
                instant(row.getTimestamp("started_at")), instant(row.getTimestamp("finished_at")), row.getString("live_checksum"),
                row.getString("rebuilt_checksum"), row.getString("reason"), row.getBoolean("forced")), name);
        return found.stream().findFirst();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
