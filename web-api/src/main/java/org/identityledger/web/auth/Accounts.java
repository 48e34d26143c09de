package org.identityledger.web.auth;

import org.identityledger.command.account.AccountNotFoundException;
import org.identityledger.query.account.AccountSummary;
import org.identityledger.query.cache.CachedViews;
import org.springframework.stereotype.Component;

/** Reads an account summary, from the cached views (the hot path of /me and every sign-in). */
@Component
public class Accounts {

    private final CachedViews views;

    public Accounts(CachedViews views) {
        this.views = views;
    }

    public AccountSummary find(String accountRef) {
        AccountSummary account = views.account(accountRef);
        if (account == null) {
            throw new AccountNotFoundException();
        }
        return account;
    }
}
