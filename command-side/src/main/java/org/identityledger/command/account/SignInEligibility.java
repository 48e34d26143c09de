package org.identityledger.command.account;

import org.identityledger.events.account.AccountState;

/** Turns the state machine's "may not sign in" into the refusal the person is told. */
public final class SignInEligibility {

    private SignInEligibility() {
    }

    public static void require(AccountState state) {
        if (state.maySignIn()) {
            return;
        }
        if (state == AccountState.SUSPENDED) {
            throw new AccountSuspendedException();
        }
        throw new AccountDeactivatedException();
    }
}
