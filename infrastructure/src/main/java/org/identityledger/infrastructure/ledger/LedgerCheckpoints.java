package org.identityledger.infrastructure.ledger;

import org.identityledger.command.port.LedgerHistory.Checkpoint;
import org.identityledger.infrastructure.token.SigningKeys;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Signed checkpoints of the chain: the newest sealed position and hash, signed with the service's
 * current ES256 key (published at /.well-known/jwks.json). A verifier holding one can tell that an
 * export up to that position is the history this service sealed, not one rebuilt by whoever holds
 * the database.
 */
@Component
public class LedgerCheckpoints {

    private final JdbcTemplate jdbc;
    private final SigningKeys signingKeys;
    private final Clock clock;

    LedgerCheckpoints(JdbcTemplate jdbc, SigningKeys signingKeys, Clock clock) {
        this.jdbc = jdbc;
        this.signingKeys = signingKeys;
        this.clock = clock;
    }

    /** Signs the chain's tip unless the newest checkpoint already covers it; answers the newest checkpoint. */
    public Optional<Checkpoint> checkpoint() {
        Optional<Checkpoint> latest = latest();
        jdbc.query("SELECT position, hash FROM ledger_chain ORDER BY position DESC LIMIT 1", row -> {
            long position = row.getLong(1);
            if (latest.map(Checkpoint::position).orElse(0L) < position) {
                Instant signedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                String hash = row.getString(2);
                jdbc.update("INSERT INTO ledger_checkpoint (position, hash, signed_at, jws) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                        position, hash, Timestamp.from(signedAt), signingKeys.signCompact(payload(position, hash, signedAt)));
            }
        });
        return latest();
    }

    public Optional<Checkpoint> latest() {
        return jdbc.query("SELECT position, hash, signed_at, jws FROM ledger_checkpoint ORDER BY position DESC LIMIT 1",
                (row, index) -> new Checkpoint(row.getLong(1), row.getString(2), row.getTimestamp(3).toInstant(), row.getString(4)))
                .stream().findFirst();
    }

    /** The signed payload: exactly these three fields, in this order. */
    static String payload(long position, String hash, Instant signedAt) {
        return "{\"position\":" + position + ",\"hash\":\"" + hash + "\",\"signed_at\":\"" + signedAt + "\"}";
    }
}
