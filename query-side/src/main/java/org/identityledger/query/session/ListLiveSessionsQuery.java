package org.identityledger.query.session;

/** The account's live sessions, newest first; answers {@link SessionList}. */
public record ListLiveSessionsQuery(String accountRef) {
}
