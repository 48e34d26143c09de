package org.identityledger.query.session;

import org.identityledger.events.session.SessionContext;

/**
 * The live session whose secret hashes to {@code secretHash}; answers {@link LiveSession} or null
 * when there is none, or it expired, idled out or was revoked. A cookie is looked up only among the
 * sessions of its own context: a staff session's secret in the customer cookie opens nothing.
 */
public record FindLiveSessionQuery(String secretHash, SessionContext context) {
}
