package org.identityledger.web.auth;

import org.identityledger.query.session.ListLiveSessionsQuery;
import org.identityledger.query.session.SessionSummary;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The cursor is the last listed session's position, base64url: opaque to clients, checked on the way in. */
final class SessionCursor {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Pattern SHAPE = Pattern.compile("(-?\\d{1,19})\\.([A-Za-z0-9_-]{1,64})");

    private SessionCursor() {
    }

    static String encode(SessionSummary last) {
        String position = last.createdAt().toEpochMilli() + "." + last.sessionId();
        return ENCODER.encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor names; empty when absent or not one this service handed out. */
    static Optional<ListLiveSessionsQuery.PageKey> decode(String cursor) {
        if (cursor == null || cursor.isEmpty() || cursor.length() > 128) {
            return Optional.empty();
        }
        try {
            Matcher matcher = SHAPE.matcher(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            if (matcher.matches()) {
                return Optional.of(new ListLiveSessionsQuery.PageKey(Instant.ofEpochMilli(Long.parseLong(matcher.group(1))),
                        matcher.group(2)));
            }
        } catch (IllegalArgumentException notACursor) {
            // not a cursor, like any other malformed one
        }
        return Optional.empty();
    }
}
