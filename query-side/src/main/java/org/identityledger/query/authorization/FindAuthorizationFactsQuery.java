package org.identityledger.query.authorization;

import java.util.List;

/** The facts for a decision about this account in this session's context; answers {@link AuthorizationFacts}. */
public record FindAuthorizationFactsQuery(String accountRef, String context, String businessId, List<String> staffRoles) {
}
