package org.identityledger.query.authorization;

import org.identityledger.query.paging.PagePosition;

import java.util.List;

/** A page of businesses as an admin sees them, by handle; {@code next} as for every page. */
public record BusinessList(List<Entry> businesses, PagePosition next) {

    public record Entry(String businessId, String handle, String name, String state, int members) {
    }
}
