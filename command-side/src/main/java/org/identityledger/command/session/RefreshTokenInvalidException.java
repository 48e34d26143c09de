package org.identityledger.command.session;

import org.identityledger.command.common.DomainException;

/** Unknown refresh token, or its session expired or was revoked. */
public class RefreshTokenInvalidException extends DomainException {

    public RefreshTokenInvalidException() {
        super("REFRESH_TOKEN_INVALID", "This refresh token is not valid; sign in again.");
    }
}
