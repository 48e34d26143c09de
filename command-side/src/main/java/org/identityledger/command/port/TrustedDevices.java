package org.identityledger.command.port;

import java.util.Optional;

/**
 * Devices that signed in to an account before (OWASP "device cookies"): failed logins from them
 * are throttled apart from an attack on the same account from elsewhere.
 */
public interface TrustedDevices {

    /** A new signed device token for this account's address. */
    String issue(String normalizedEmail);

    /** The device a token names, if it is ours, unexpired and was issued for this address. */
    Optional<String> deviceFor(String token, String normalizedEmail);
}
