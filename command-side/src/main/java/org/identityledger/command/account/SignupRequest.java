package org.identityledger.command.account;

/** A validated signup, before hashing. */
public record SignupRequest(String email, String password, String displayName, LinkTarget link) {

    @Override
    public String toString() {
        return "SignupRequest[email=<redacted>]";
    }
}
