package org.identityledger.command.common;

/**
 * Issues the public, opaque identifiers of the domain. Injected so that aggregates and services
 * never mint randomness themselves and tests can predict ids.
 */
public interface Identifiers {

    String newAccountRef();

    String newSessionId();

    String newBusinessId();

    String newInvitationId();
}
