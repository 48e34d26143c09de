package org.identityledger.command.account;

/** Where the person should land after verifying, and whether the iPhone app should be offered. */
public record VerificationLink(String nextPath, String returnTarget) {
}
