package org.identityledger.infrastructure.crypto;

import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MessageIdentifiersTest {

    @Test
    void axonFindsThePerThreadFactoryForEveryMessage() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(MessageIdentifiers.class);
        String identifier = GenericEventMessage.asEventMessage("payload").getIdentifier();
        assertThat(UUID.fromString(identifier).version()).isEqualTo(4);
    }

    @Test
    void identifiersAreRandomUuidsInTheirUsualTextForm() {
        MessageIdentifiers identifiers = new MessageIdentifiers();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String identifier = identifiers.generateIdentifier();
            UUID parsed = UUID.fromString(identifier);
            assertThat(parsed.version()).isEqualTo(4);
            assertThat(parsed.variant()).isEqualTo(2);
            assertThat(parsed.toString()).isEqualTo(identifier);
            seen.add(identifier);
        }
        assertThat(seen).hasSize(10_000);
    }
}
