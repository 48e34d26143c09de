package org.identityledger.query.authorization;

import org.identityledger.query.paging.PagePosition;

/** A page of the invitations of a business that may still be accepted, by email: answers {@link OpenInvitations}. */
public record ListOpenInvitationsQuery(String businessId, int limit, PagePosition after) {
}
