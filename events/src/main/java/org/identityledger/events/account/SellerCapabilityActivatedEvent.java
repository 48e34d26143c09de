package org.identityledger.events.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The person turned on selling for their account (their email was verified). */
@Revision("1")
public record SellerCapabilityActivatedEvent(
        String accountRef,
        Instant activatedAt) {
}
