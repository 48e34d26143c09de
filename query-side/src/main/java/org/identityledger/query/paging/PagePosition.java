package org.identityledger.query.paging;

/**
 * Where a page of a list ends: the last row's sort key and id. Every paged list sorts by a text key
 * and then its id, so the next page is the rows after this pair, however the list changes meanwhile.
 */
public record PagePosition(String key, String id) {
}
