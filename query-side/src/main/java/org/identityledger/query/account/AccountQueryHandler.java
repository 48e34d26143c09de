package org.identityledger.query.account;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

@Component
public class AccountQueryHandler {

    private final AccountViewRepository accounts;

    AccountQueryHandler(AccountViewRepository accounts) {
        this.accounts = accounts;
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public AccountSummary handle(FindAccountQuery query) {
        return accounts.findById(query.accountRef())
                .map(account -> new AccountSummary(account.accountRef(), account.email(), account.displayName(),
                        account.state(), account.emailVerified(), capabilitiesOf(account)))
                .orElse(null);
    }

    /**
     * Capabilities follow from the account state until memberships and grants exist: an unverified
     * account may manage its own sessions and prove its email, nothing more.
     */
    private static List<String> capabilitiesOf(AccountView account) {
        return switch (account.state()) {
            case AccountStates.ACTIVE -> List.of("account:read", "sessions:manage");
            case AccountStates.PENDING_VERIFICATION -> List.of("account:read", "sessions:manage", "email:verify");
            default -> List.of();
        };
    }
}
