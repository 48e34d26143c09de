package org.identityledger.query.audit;

import java.time.Instant;

/** Security-log entries, oldest first, filtered by any of the given (null = any); answers {@link SecurityLogEntries}. */
public record SearchSecurityLogQuery(String accountRef, String type, Instant from, Instant to, int limit) {
}
