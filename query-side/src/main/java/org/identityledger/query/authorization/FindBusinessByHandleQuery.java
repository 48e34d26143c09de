package org.identityledger.query.authorization;

/** The business with this handle: answers {@link BusinessSummary}, or null when there is none. */
public record FindBusinessByHandleQuery(String handle) {
}
