package org.identityledger.web.paging;

import org.identityledger.query.paging.PagePosition;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one cursor codec of every paged list: the last listed row's sort key and id, base64url —
 * opaque to clients, checked on the way in. Ids never contain a dot, so the last dot separates them.
 */
public final class ListCursor {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int MAX_LENGTH = 512;

    private ListCursor() {
    }

    /** The cursor of the next page, or null when there is none. */
    public static String encode(PagePosition next) {
        return next == null ? null : ENCODER.encodeToString((next.key() + "." + next.id()).getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor names; empty when absent or not one this service handed out. */
    public static Optional<PagePosition> decode(String cursor) {
        if (cursor == null || cursor.isEmpty() || cursor.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            String position = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int dot = position.lastIndexOf('.');
            if (dot > 0 && ID.matcher(position.substring(dot + 1)).matches()) {
                return Optional.of(new PagePosition(position.substring(0, dot), position.substring(dot + 1)));
            }
        } catch (IllegalArgumentException notACursor) {
            // not a cursor, like any other malformed one
        }
        return Optional.empty();
    }
}
