package org.identityledger.command.account;

/** The account an emailed one-time token belongs to, and where its holder goes after redeeming it. */
public record IssuedToken(String accountRef, String nextPath) {
}
