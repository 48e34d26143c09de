package org.identityledger.query.account;

/** The account summary for one account reference; answers {@link AccountSummary} or null. */
public record FindAccountQuery(String accountRef) {
}
