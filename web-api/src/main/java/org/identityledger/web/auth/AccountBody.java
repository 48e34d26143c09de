package org.identityledger.web.auth;

import org.identityledger.query.account.AccountSummary;

/** The account as returned by signup. */
record AccountBody(String accountRef, String email, String displayName, String state, boolean emailVerified) {

    static AccountBody of(AccountSummary account) {
        return new AccountBody(account.accountRef(), account.email(), account.displayName(), account.state(),
                account.emailVerified());
    }
}
