package org.identityledger.command.session;

import java.time.Instant;

/** The outcome of a refresh, when the session (its refresh-token family) ends at the latest, and its context. */
public record RefreshResult(RefreshOutcome outcome, Instant sessionExpiresAt, SessionScope scope) {
}
