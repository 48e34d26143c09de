package org.identityledger.command.session;

import org.identityledger.events.account.AccountState;
import org.identityledger.command.account.InvalidCredentialsException;
import org.identityledger.command.account.SignInEligibility;
import org.identityledger.command.common.NotAllowedException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the account's state and credential version under a share lock on both rows, held until the
 * session start commits. A password change (which updates the credential row) or a suspension or
 * deactivation (whose revocation policy locks the lookup row exclusively before listing sessions)
 * either commits first, and this read waits and sees it, or waits for this session to commit and
 * then revokes it with the others. A business or staff session also confirms, under the same kind of
 * lock, the membership (of a business in good standing) or the staff grant it needs, which the
 * removal, suspension or revocation locks before listing the sessions to end. So no session
 * outlives the credential, state, membership or grant it was checked against.
 */
@Component
class JdbcSessionStartGuard implements SessionStartGuard {

    private final JdbcTemplate jdbc;

    JdbcSessionStartGuard(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void confirm(String accountRef, long credentialVersion, SessionScope scope) {
        CurrentCredential current = jdbc.query("SELECT l.state, c.credential_version, l.email_verified FROM account_lookup l"
                        + " JOIN account_credential c ON c.account_ref = l.account_ref WHERE l.account_ref = ? FOR SHARE",
                (row, index) -> new CurrentCredential(AccountState.fromWireName(row.getString(1)), row.getLong(2), row.getBoolean(3)),
                // No row: the credential that was checked was erased with its account meanwhile.
                accountRef).stream().findFirst().orElseThrow(InvalidCredentialsException::new);
        SignInEligibility.require(current.state());
        if (current.version() != credentialVersion) {
            // The password that was checked has been replaced meanwhile: it is no longer a valid credential.
            throw new InvalidCredentialsException();
        }
        switch (scope.context()) {
            case CUSTOMER -> {
                // Any account in good standing may act for itself.
            }
            case BUSINESS -> requireAny("SELECT m.role FROM business_member_lookup m JOIN business_handle_lookup b"
                    + " ON b.business_id = m.business_id WHERE m.business_id = ? AND m.account_ref = ? AND NOT b.suspended"
                    + " FOR SHARE", scope.businessId(), accountRef);
            case STAFF -> {
                // Staff act on other people's accounts: only with a proven address, and only with a grant.
                if (!current.emailVerified()) {
                    throw new NotAllowedException();
                }
                requireAny("SELECT role FROM staff_grant_lookup WHERE account_ref = ? FOR SHARE", accountRef);
            }
        }
    }

    /** The share lock keeps the membership or grant (and the business's standing) until this start commits. */
    private void requireAny(String sql, Object... arguments) {
        if (jdbc.queryForList(sql, String.class, arguments).isEmpty()) {
            throw new NotAllowedException();
        }
    }

    private record CurrentCredential(AccountState state, long version, boolean emailVerified) {
    }
}
