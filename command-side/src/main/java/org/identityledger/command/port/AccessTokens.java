package org.identityledger.command.port;

import java.util.Optional;

/** Short-lived signed access tokens for native and partner clients. */
public interface AccessTokens {

    /** A token for the session, naming its context ({@code ctx}) and, for a business session, the business ({@code bid}). */
    IssuedAccessToken issue(String sessionId, String accountRef, String context, String businessId);

    /** The token's claims if it is ours, untampered, unexpired and meant for us; empty otherwise. */
    Optional<AccessTokenClaims> verify(String token);

    record IssuedAccessToken(String token, long expiresInSeconds) {
    }

    record AccessTokenClaims(String sessionId, String accountRef) {
    }
}
