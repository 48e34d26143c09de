package org.identityledger.query.account;

/** Accounts whose email starts with {@code emailPrefix} (case-insensitive), at most {@code limit}; answers {@link AccountList}. */
public record SearchAccountsQuery(String emailPrefix, int limit) {
}
