package org.identityledger.query.authorization;

/** The team of a business: answers {@link TeamMembers}. */
public record ListMembersQuery(String businessId) {
}
