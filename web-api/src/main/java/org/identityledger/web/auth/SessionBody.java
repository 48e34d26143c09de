package org.identityledger.web.auth;

import org.identityledger.query.session.LiveSession;

import java.time.Instant;

/** The session part of login and /me answers, with the context it was opened for. */
record SessionBody(String sessionId, String transport, Instant expiresAt, String context, String businessId) {

    static SessionBody of(LiveSession session) {
        return new SessionBody(session.sessionId(), session.transport(), session.expiresAt(), session.context().wireName(),
                session.businessId());
    }
}
