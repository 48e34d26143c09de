package org.identityledger.command.business;

import java.time.Instant;

/** An invitation just issued: its raw token goes only into the invitation mail, never into an event or a table. */
public record IssuedInvitation(String invitationId, String rawToken, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedInvitation[invitationId=" + invitationId + ", expiresAt=" + expiresAt + "]";
    }
}
