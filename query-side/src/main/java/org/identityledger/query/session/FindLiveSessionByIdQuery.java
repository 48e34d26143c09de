package org.identityledger.query.session;

/** The live session with this public id (bearer requests carry it as the JWT's sid); or null. */
public record FindLiveSessionByIdQuery(String sessionId) {
}
