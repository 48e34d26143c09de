package org.identityledger.query.authorization;

import java.util.List;

/** Businesses as an admin sees them. */
public record BusinessList(List<Entry> businesses) {

    public record Entry(String businessId, String handle, String name, String state, int members) {
    }
}
