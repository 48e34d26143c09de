package org.identityledger.query.authorization;

/** Businesses in handle order, at most {@code limit}; answers {@link BusinessList}. */
public record ListBusinessesQuery(int limit) {
}
