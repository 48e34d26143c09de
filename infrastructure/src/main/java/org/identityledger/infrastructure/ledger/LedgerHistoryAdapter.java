package org.identityledger.infrastructure.ledger;

import org.identityledger.command.port.LedgerHistory;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.function.Consumer;

/** The auditors' port onto the ledger: the export, the decoded events and the checkpoints of this package. */
@Component
class LedgerHistoryAdapter implements LedgerHistory {

    private final LedgerExport export;
    private final LedgerEvents events;
    private final LedgerCheckpoints checkpoints;

    LedgerHistoryAdapter(LedgerExport export, LedgerEvents events, LedgerCheckpoints checkpoints) {
        this.export = export;
        this.events = events;
        this.checkpoints = checkpoints;
    }

    @Override
    public long export(long after, Long limit, Consumer<StoredEvent> sink) {
        return export.forEach(after, limit, sink);
    }

    @Override
    public long events(Filter filter, Consumer<DecodedEvent> sink) {
        return events.forEach(filter, sink);
    }

    @Override
    public Optional<Checkpoint> latestCheckpoint() {
        return checkpoints.latest();
    }
}
