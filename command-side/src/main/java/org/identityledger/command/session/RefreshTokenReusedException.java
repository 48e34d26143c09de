package org.identityledger.command.session;

import org.identityledger.command.common.DomainException;

/** A spent refresh token came back: someone holds a copy, so the whole session was revoked. */
public class RefreshTokenReusedException extends DomainException {

    public RefreshTokenReusedException() {
        super("REFRESH_TOKEN_REUSED", "This refresh token was already used; the session has been ended.");
    }
}
