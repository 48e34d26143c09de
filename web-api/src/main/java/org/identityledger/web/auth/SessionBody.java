package org.identityledger.web.auth;

import java.time.Instant;

/** The session part of login and /me answers. */
record SessionBody(String sessionId, String transport, Instant expiresAt) {
}
