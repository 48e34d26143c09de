package org.identityledger.web.auth;

import org.axonframework.queryhandling.QueryGateway;
import org.identityledger.command.account.AccountNotFoundException;
import org.identityledger.query.account.AccountSummary;
import org.identityledger.query.account.FindAccountQuery;
import org.springframework.stereotype.Component;

/** Reads an account summary through the query bus. */
@Component
public class Accounts {

    private final QueryGateway queryGateway;

    public Accounts(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    public AccountSummary find(String accountRef) {
        AccountSummary account = queryGateway.query(new FindAccountQuery(accountRef), AccountSummary.class).join();
        if (account == null) {
            throw new AccountNotFoundException();
        }
        return account;
    }
}
