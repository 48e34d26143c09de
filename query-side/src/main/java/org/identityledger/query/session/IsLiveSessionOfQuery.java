package org.identityledger.query.session;

/** Whether {@code sessionId} is a live session of {@code accountRef}; answers Boolean, never touches activity. */
public record IsLiveSessionOfQuery(String accountRef, String sessionId) {
}
