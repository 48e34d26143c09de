package org.identityledger.query.account;

/** One business the account works for, and its role there. */
public record Membership(String businessId, String handle, String name, String role) {
}
