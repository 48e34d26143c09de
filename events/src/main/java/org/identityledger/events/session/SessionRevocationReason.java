package org.identityledger.events.session;

/** Why a session ended early; kept in the ledger so auditors can tell a logout from a takeover. */
public enum SessionRevocationReason {
    LOGOUT,
    REVOKED_BY_HOLDER,
    PASSWORD_CHANGED,
    ACCOUNT_SUSPENDED,
    ACCOUNT_DEACTIVATED,
    REFRESH_TOKEN_REUSED,
    /** The account opened more live sessions than identity.session.max-live-per-account: the oldest ends. */
    SESSION_LIMIT_EXCEEDED,
    /** The business session's membership ended (removed, or left). */
    MEMBERSHIP_ENDED,
    /** Staff suspended the business the session worked for. */
    BUSINESS_SUSPENDED,
    /** The staff session's account no longer holds any staff role. */
    STAFF_GRANT_REVOKED
}
