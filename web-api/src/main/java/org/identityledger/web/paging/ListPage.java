package org.identityledger.web.paging;

import org.identityledger.query.paging.PagePosition;
import org.identityledger.web.validation.WholeNumber;

/**
 * The query parameters of every paged list: {@code limit} (1 to {@value #MAX_SIZE}, default
 * {@value #DEFAULT_SIZE}) and the {@code cursor} the previous page answered as {@code next_cursor}.
 */
public record ListPage(@WholeNumber(min = 1, max = MAX_SIZE) String limit, @ListCursorValue String cursor) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 100;

    public int size() {
        return limit == null || limit.isEmpty() ? DEFAULT_SIZE : Integer.parseInt(limit);
    }

    public PagePosition after() {
        return ListCursor.decode(cursor).orElse(null);
    }
}
