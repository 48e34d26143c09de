package org.identityledger.command.account;

/** The account a verification token belongs to, and where its holder goes after redeeming it. */
public record IssuedVerificationToken(String accountRef, String nextPath) {
}
