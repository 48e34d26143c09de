package org.identityledger.command.session;

import java.time.Instant;

/** The outcome of a refresh, and when the session (its refresh-token family) ends at the latest. */
public record RefreshResult(RefreshOutcome outcome, Instant sessionExpiresAt) {
}
