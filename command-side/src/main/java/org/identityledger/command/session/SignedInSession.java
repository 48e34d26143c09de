package org.identityledger.command.session;

import java.time.Instant;

/** The result of a sign-in. {@code secret} goes to the client once and is never stored. */
public record SignedInSession(String sessionId, String accountRef, String secret, Instant expiresAt, SessionScope scope) {

    @Override
    public String toString() {
        return "SignedInSession[sessionId=" + sessionId + ", accountRef=" + accountRef + "]";
    }
}
