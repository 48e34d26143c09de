package org.identityledger.query.audit;

import java.time.Instant;

/** The account as it stood at {@code at}, replayed from the ledger: answers {@link AccountAtInstant.Snapshot}, or null if it did not exist yet. */
public record FindAccountAtInstantQuery(String accountRef, Instant at) {
}
