package org.identityledger.command.session;

import org.identityledger.command.account.AccountNotFoundException;
import org.identityledger.events.account.AccountState;
import org.identityledger.command.account.InvalidCredentialsException;
import org.identityledger.command.account.SignInEligibility;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the account's state and credential version under a share lock on both rows, held until the
 * session start commits. A password change (which updates the credential row) or a suspension or
 * deactivation (whose revocation policy locks the lookup row exclusively before listing sessions)
 * either commits first, and this read waits and sees it, or waits for this session to commit and
 * then revokes it with the others. So no session outlives the credential or state it was checked against.
 */
@Component
class JdbcSessionStartGuard implements SessionStartGuard {

    private final JdbcTemplate jdbc;

    JdbcSessionStartGuard(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void confirm(String accountRef, long credentialVersion, SessionScope scope) {
        CurrentCredential current = jdbc.query("SELECT l.state, c.credential_version FROM account_lookup l"
                        + " JOIN account_credential c ON c.account_ref = l.account_ref WHERE l.account_ref = ? FOR SHARE",
                (row, index) -> new CurrentCredential(AccountState.fromWireName(row.getString(1)), row.getLong(2)),
                accountRef).stream().findFirst().orElseThrow(AccountNotFoundException::new);
        SignInEligibility.require(current.state());
        if (current.version() != credentialVersion) {
            // The password that was checked has been replaced meanwhile: it is no longer a valid credential.
            throw new InvalidCredentialsException();
        }
    }

    private record CurrentCredential(AccountState state, long version) {
    }
}
