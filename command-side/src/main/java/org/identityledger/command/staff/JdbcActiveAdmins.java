package org.identityledger.command.staff;

import org.identityledger.events.account.AccountState;
import org.identityledger.events.staff.StaffRole;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@link ActiveAdmins} on the command-side lookups: the admin grants, locked, joined with the account states. */
@Component
class JdbcActiveAdmins implements ActiveAdmins {

    private final JdbcTemplate jdbc;

    JdbcActiveAdmins(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean isLastActiveAdmin(String accountRef) {
        // Every admin grant row, in one order (no deadlock between two of these), held to the end of the transaction.
        jdbc.queryForList("SELECT account_ref FROM staff_grant_lookup WHERE role = ? ORDER BY account_ref FOR UPDATE", String.class,
                StaffRole.ADMIN.wireName());
        java.util.List<String> active = jdbc.queryForList("SELECT g.account_ref FROM staff_grant_lookup g"
                        + " JOIN account_lookup a ON a.account_ref = g.account_ref WHERE g.role = ? AND a.state = ?", String.class,
                StaffRole.ADMIN.wireName(), AccountState.ACTIVE.wireName());
        return active.size() == 1 && active.get(0).equals(accountRef);
    }
}
