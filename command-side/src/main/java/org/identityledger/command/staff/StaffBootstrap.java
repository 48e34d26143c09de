package org.identityledger.command.staff;

import org.identityledger.command.account.EmailAddress;

import java.util.Optional;

/** The configured address of the first admin (identity.staff.bootstrap-admin-email), normalised; empty when unset. */
public record StaffBootstrap(Optional<String> normalizedEmail) {

    public static StaffBootstrap of(String configuredEmail) {
        return new StaffBootstrap(configuredEmail == null || configuredEmail.isBlank() ? Optional.empty()
                : Optional.of(EmailAddress.normalize(configuredEmail.strip())));
    }
}
