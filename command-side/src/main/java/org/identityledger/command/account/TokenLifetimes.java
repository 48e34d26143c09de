package org.identityledger.command.account;

import java.time.Duration;

/** How long emailed one-time tokens may be redeemed. */
public record TokenLifetimes(Duration emailVerification, Duration passwordReset) {
}
