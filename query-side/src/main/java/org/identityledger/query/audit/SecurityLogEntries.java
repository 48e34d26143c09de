package org.identityledger.query.audit;

import java.time.Instant;
import java.util.List;

/** Security-log entries as auditors read them. */
public record SecurityLogEntries(List<Entry> entries) {

    public record Entry(Instant at, String type, String accountRef, String actorRef, String ip, String detail) {
    }
}
