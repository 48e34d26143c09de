package org.identityledger.events.account;

import org.axonframework.serialization.Revision;
import org.identityledger.events.CredentialData;
import org.identityledger.events.PersonalData;

import java.time.Instant;

/** A person signed up; the account waits for its email to be verified. */
@Revision("1")
public record AccountRegisteredEvent(
        String accountRef,
        @PersonalData String email,
        @PersonalData String displayName,
        @CredentialData String passwordHash,
        Instant registeredAt) {
}
