package org.identityledger.query.account;

/** The account states as the contract spells them. */
final class AccountStates {

    static final String PENDING_VERIFICATION = "pending_verification";
    static final String ACTIVE = "active";
    static final String SUSPENDED = "suspended";
    static final String DEACTIVATED = "deactivated";

    private AccountStates() {
    }
}
