package org.identityledger.query.account;

import org.identityledger.events.account.AccountState;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

@Component
public class AccountQueryHandler {

    private final JdbcTemplate jdbc;

    AccountQueryHandler(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** On every /me: one primary-key read, one round trip, no transaction. */
    @QueryHandler
    public AccountSummary handle(FindAccountQuery query) {
        return jdbc.query("SELECT account_ref, email, display_name, state, email_verified FROM account_view WHERE account_ref = ?",
                        (row, index) -> new AccountSummary(row.getString(1), row.getString(2), row.getString(3),
                                row.getString(4), row.getBoolean(5), capabilitiesOf(row.getString(4))),
                        query.accountRef())
                .stream().findFirst().orElse(null);
    }

    /**
     * Capabilities follow from the account state until memberships and grants exist: an unverified
     * account may manage its own sessions and prove its email, nothing more.
     */
    private static List<String> capabilitiesOf(String state) {
        return switch (AccountState.fromWireName(state)) {
            case ACTIVE -> List.of("account:read", "sessions:manage");
            case PENDING_VERIFICATION -> List.of("account:read", "sessions:manage", "email:verify");
            default -> List.of();
        };
    }
}
