package org.identityledger.query.session;

import java.time.Instant;

/**
 * One page of the account's live sessions, newest first; answers {@link SessionList}. {@code after}
 * is the last session of the previous page (null for the first page); {@code limit} is bounded by the caller.
 */
public record ListLiveSessionsQuery(String accountRef, int limit, PageKey after) {

    /** A position in the newest-first order: the start time, then the id to break ties. */
    public record PageKey(Instant startedAt, String sessionId) {
    }
}
