package org.identityledger.infrastructure.ledger;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When the chain moves: the sealer four times a second on its own thread (so housekeeping never
 * delays it; a gap takes three rounds to prove final, so an event is sealed within a second or two
 * of its commit), a signed checkpoint every minute and at shutdown.
 */
@Component
class LedgerSchedule {

    private static final Logger log = LoggerFactory.getLogger(LedgerSchedule.class);
    /** At most this many batches per round, so one round never runs for long. */
    private static final int MAX_BATCHES = 50;

    private final LedgerSealer sealer;
    private final LedgerCheckpoints checkpoints;

    LedgerSchedule(LedgerSealer sealer, LedgerCheckpoints checkpoints) {
        this.sealer = sealer;
        this.checkpoints = checkpoints;
    }

    @Scheduled(fixedDelayString = "PT0.25S", initialDelayString = "PT1S", scheduler = "ledgerScheduler")
    void seal() {
        try {
            for (int batch = 0; batch < MAX_BATCHES && sealer.sealOnce() > 0; batch++) {
                // keep going while there is a backlog
            }
        } catch (RuntimeException failure) {
            log.warn("Sealing round failed (the next one retries): {}", failure.toString());
        }
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M", scheduler = "ledgerScheduler")
    void checkpoint() {
        try {
            checkpoints.checkpoint();
        } catch (RuntimeException failure) {
            log.warn("Could not sign a ledger checkpoint: {}", failure.toString());
        }
    }

    @PreDestroy
    void checkpointAtShutdown() {
        seal();
        checkpoint();
    }
}
