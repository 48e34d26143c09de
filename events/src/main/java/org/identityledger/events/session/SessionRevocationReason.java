package org.identityledger.events.session;

/** Why a session ended early; kept in the ledger so auditors can tell a logout from a takeover. */
public enum SessionRevocationReason {
    LOGOUT,
    REVOKED_BY_HOLDER,
    PASSWORD_CHANGED,
    ACCOUNT_SUSPENDED,
    ACCOUNT_DEACTIVATED,
    REFRESH_TOKEN_REUSED
}
