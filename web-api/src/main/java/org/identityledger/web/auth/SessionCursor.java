package org.identityledger.web.auth;

import org.identityledger.query.paging.PagePosition;
import org.identityledger.query.session.ListLiveSessionsQuery;
import org.identityledger.query.session.SessionSummary;
import org.identityledger.web.paging.ListCursor;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/** The session list's cursor: the list cursor of every paged list, whose key is the last session's start (epoch millis). */
final class SessionCursor {

    private static final Pattern MILLIS = Pattern.compile("-?\\d{1,19}");

    private SessionCursor() {
    }

    static String encode(SessionSummary last) {
        return ListCursor.encode(new PagePosition(Long.toString(last.createdAt().toEpochMilli()), last.sessionId()));
    }

    /** The position a cursor names; empty when absent or not one this service handed out. */
    static Optional<ListLiveSessionsQuery.PageKey> decode(String cursor) {
        return ListCursor.decode(cursor).filter(position -> MILLIS.matcher(position.key()).matches())
                .flatMap(position -> {
                    try {
                        return Optional.of(new ListLiveSessionsQuery.PageKey(Instant.ofEpochMilli(Long.parseLong(position.key())),
                                position.id()));
                    } catch (NumberFormatException outOfRange) {
                        return Optional.empty();
                    }
                });
    }
}
