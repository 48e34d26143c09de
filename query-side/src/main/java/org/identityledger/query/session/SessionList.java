package org.identityledger.query.session;

import java.util.List;

/** A page of sessions; {@code hasMore} says whether another page follows the last one. */
public record SessionList(List<SessionSummary> sessions, boolean hasMore) {
}
