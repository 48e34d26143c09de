package org.identityledger.query.authorization;

import org.identityledger.query.paging.PagePosition;

/** A page of every business, by handle: answers {@link BusinessList}. */
public record ListBusinessesQuery(int limit, PagePosition after) {
}
