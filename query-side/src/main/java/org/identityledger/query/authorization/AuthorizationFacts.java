package org.identityledger.query.authorization;

import java.util.List;

/**
 * What a decision may depend on, read live: the account's state and seller capability, the
 * session's context, the role of the account in the business asked about (null when none, or when
 * it is not the session's business) and that business's state, and the session's staff roles.
 */
public record AuthorizationFacts(String accountState, boolean seller, String context, String membershipRole,
                                 String businessState, List<String> staffRoles) {
}
