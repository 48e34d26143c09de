package org.identityledger.query.authorization;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the facts of an authorization decision in one round trip; the decision itself is {@link Permission}'s. */
@Component
public class AuthorizationQueryHandler {

    private final JdbcTemplate jdbc;

    AuthorizationQueryHandler(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public AuthorizationFacts handle(FindAuthorizationFactsQuery query) {
        return jdbc.query("SELECT a.state, a.seller, m.role, b.state FROM account_view a"
                        + " LEFT JOIN membership_view m ON m.account_ref = a.account_ref AND m.business_id = ?"
                        + " LEFT JOIN business_view b ON b.business_id = m.business_id WHERE a.account_ref = ?",
                (row, index) -> new AuthorizationFacts(row.getString(1), row.getBoolean(2), query.context(), row.getString(3),
                        row.getString(4), query.staffRoles()),
                query.businessId(), query.accountRef()).stream().findFirst()
                .orElse(new AuthorizationFacts("unknown", false, query.context(), null, null, query.staffRoles()));
    }
}
