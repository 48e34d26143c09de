package org.identityledger.query.authorization;

/** A business as its pages show it. */
public record BusinessSummary(String businessId, String handle, String name, String state) {
}
