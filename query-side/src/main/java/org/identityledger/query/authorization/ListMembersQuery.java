package org.identityledger.query.authorization;

import org.identityledger.query.paging.PagePosition;

/** A page of the team of a business, by email: answers {@link TeamMembers}. */
public record ListMembersQuery(String businessId, int limit, PagePosition after) {
}
