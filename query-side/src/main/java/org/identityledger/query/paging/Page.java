package org.identityledger.query.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Cutting a page from {@code limit + 1} fetched rows: the extra row only says that more follow. */
public final class Page {

    private Page() {
    }

    /** The rows of the page. */
    public static <T> List<T> rows(List<T> fetched, int limit) {
        return fetched.size() > limit ? List.copyOf(fetched.subList(0, limit)) : fetched;
    }

    /** Where the next page starts, or null when this one is the last. */
    public static <T> PagePosition next(List<T> fetched, int limit, Function<T, PagePosition> positionOf) {
        return fetched.size() > limit ? positionOf.apply(fetched.get(limit - 1)) : null;
    }

    /** The filter's arguments, then the page position's (when there is one), then the row limit (one more than the page). */
    public static Object[] arguments(PagePosition after, int limit, Object... filter) {
        List<Object> arguments = new ArrayList<>(List.of(filter));
        if (after != null) {
            arguments.add(after.key());
            arguments.add(after.id());
        }
        arguments.add(limit + 1);
        return arguments.toArray();
    }

    /** The SQL condition for rows after {@code after} in the order ({@code key}, {@code id}); none on the first page. */
    public static String after(PagePosition after, String key, String id) {
        return after == null ? "" : " AND (" + key + ", " + id + ") > (?, ?)";
    }
}
