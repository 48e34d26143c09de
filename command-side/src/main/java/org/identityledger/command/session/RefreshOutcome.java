package org.identityledger.command.session;

/**
 * What a refresh attempt came to. Reuse is an outcome, not an exception, because its revocation
 * event must commit while the caller is still refused.
 */
public enum RefreshOutcome {
    ROTATED,
    REUSED,
    EXPIRED,
    REVOKED
}
