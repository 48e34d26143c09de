package org.identityledger.query.account;

import org.identityledger.query.paging.Page;
import org.identityledger.query.paging.PagePosition;


import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

@Component
public class AccountQueryHandler {

    private final JdbcTemplate jdbc;

    AccountQueryHandler(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * On every /me: one primary-key read and one round trip (memberships and staff roles come along
     * as arrays), no transaction.
     */
    @QueryHandler
    public AccountSummary handle(FindAccountQuery query) {
        return jdbc.query("SELECT a.account_ref, a.email, a.display_name, a.state, a.email_verified, a.seller,"
                        + " ms.ids, ms.handles, ms.names, ms.roles, sg.roles"
                        + " FROM account_view a"
                        + " LEFT JOIN LATERAL (SELECT array_agg(m.business_id ORDER BY b.handle) ids, array_agg(b.handle ORDER BY b.handle) handles,"
                        + " array_agg(b.name ORDER BY b.handle) names, array_agg(m.role ORDER BY b.handle) roles"
                        + " FROM membership_view m JOIN business_view b ON b.business_id = m.business_id"
                        + " WHERE m.account_ref = a.account_ref) ms ON true"
                        + " LEFT JOIN LATERAL (SELECT array_agg(s.role ORDER BY s.role) roles FROM staff_grant_view s"
                        + " WHERE s.account_ref = a.account_ref) sg ON true"
                        + " WHERE a.account_ref = ?", AccountQueryHandler::summary, query.accountRef())
                .stream().findFirst().orElse(null);
    }

    private static AccountSummary summary(ResultSet row, int index) throws SQLException {
        String[] ids = strings(row, 7);
        String[] handles = strings(row, 8);
        String[] names = strings(row, 9);
        String[] roles = strings(row, 10);
        List<Membership> memberships = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            memberships.add(new Membership(ids[i], handles[i], names[i], roles[i]));
        }
        List<String> capabilities = capabilities(row.getBoolean(6));
        return new AccountSummary(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getBoolean(5),
                capabilities, memberships, List.of(strings(row, 11)));
    }

    /** Everyone may buy; selling is a capability the person turns on. */
    private static List<String> capabilities(boolean seller) {
        return seller ? List.of("buyer", "seller") : List.of("buyer");
    }

    private static String[] strings(ResultSet row, int column) throws SQLException {
        Array array = row.getArray(column);
        return array == null ? new String[0] : (String[]) array.getArray();
    }

    /** An admin's search: a case-insensitive email prefix, bounded, in email order. */
    @QueryHandler
    public AccountList handle(SearchAccountsQuery query) {
        String prefix = query.emailPrefix().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_");
        List<AccountList.Entry> fetched = jdbc.query("SELECT a.account_ref, a.email, a.display_name, a.state, a.email_verified, a.seller,"
                        + " (SELECT array_agg(s.role ORDER BY s.role) FROM staff_grant_view s WHERE s.account_ref = a.account_ref),"
                        + " a.registered_at FROM account_view a WHERE lower(a.email) LIKE ?"
                        + Page.after(query.after(), "lower(a.email) COLLATE \"C\"", "a.account_ref")
                        + " ORDER BY lower(a.email) COLLATE \"C\", a.account_ref LIMIT ?",
                (row, index) -> new AccountList.Entry(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getBoolean(5), capabilities(row.getBoolean(6)), List.of(strings(row, 7)),
                        row.getTimestamp(8).toInstant()),
                Page.arguments(query.after(), query.limit(), prefix + "%"));
        return new AccountList(Page.rows(fetched, query.limit()), Page.next(fetched, query.limit(),
                account -> new PagePosition(account.email().toLowerCase(java.util.Locale.ROOT), account.accountRef())));
    }
}
