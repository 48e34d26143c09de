package org.identityledger.query.account;

import org.identityledger.query.paging.PagePosition;

/** A page of the accounts whose email starts with {@code emailPrefix} (case-insensitive), by email: answers {@link AccountList}. */
public record SearchAccountsQuery(String emailPrefix, int limit, PagePosition after) {
}
