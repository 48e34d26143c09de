package org.identityledger.query.session;

/**
 * The live session whose secret hashes to {@code secretHash}; answers {@link LiveSession} or null
 * when there is none, or it expired, idled out or was revoked.
 */
public record FindLiveSessionQuery(String secretHash) {
}
