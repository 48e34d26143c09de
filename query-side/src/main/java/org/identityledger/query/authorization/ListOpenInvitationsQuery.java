package org.identityledger.query.authorization;

/** A business's invitations nobody has accepted, revoked or let expire: answers {@link OpenInvitations}. */
public record ListOpenInvitationsQuery(String businessId) {
}
