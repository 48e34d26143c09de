package org.identityledger.command.staff;

/**
 * Who can still act as an admin: an account that holds admin <em>and</em> is active. A suspended or
 * deactivated admin cannot sign in, so it does not keep the service administrable; the last active
 * admin must therefore not be suspended, deactivated or lose the role (the bootstrap only helps while
 * nobody holds admin at all, suspended or not).
 */
public interface ActiveAdmins {

    /**
     * Whether {@code accountRef} is an active admin and no other active admin exists. Asked inside the
     * command's transaction, it holds the admins' lookup rows until the transaction ends, so two such
     * decisions at the same instant happen one after the other and the second sees the first.
     */
    boolean isLastActiveAdmin(String accountRef);
}
