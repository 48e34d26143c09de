package org.identityledger.query.authorization;

import java.time.Instant;
import java.util.List;

/** Invitations that may still be accepted, oldest first. */
public record OpenInvitations(List<Invitation> invitations) {

    public record Invitation(String invitationId, String email, String role, Instant expiresAt) {
    }
}
