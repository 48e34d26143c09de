package org.identityledger.command.account;

import java.time.Duration;

/** How long an emailed verification token may be redeemed. */
public record VerificationSettings(Duration tokenLifetime) {
}
