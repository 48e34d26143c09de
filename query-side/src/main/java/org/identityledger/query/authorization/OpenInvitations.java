package org.identityledger.query.authorization;

import org.identityledger.query.paging.PagePosition;

import java.time.Instant;
import java.util.List;

/** A page of the invitations that may still be accepted, by email; {@code next} as for every page. */
public record OpenInvitations(List<Invitation> invitations, PagePosition next) {

    public record Invitation(String invitationId, String email, String role, Instant expiresAt) {
    }
}
