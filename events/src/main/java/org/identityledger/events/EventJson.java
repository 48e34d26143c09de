package org.identityledger.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The stored form of events and snapshots: snake_case JSON, ISO-8601 instants and durations. It is
 * the ledger's own format and owes nothing to HTTP settings: the event store's serializer is built
 * from this mapper, and the golden-file tests pin what it writes. Unknown properties are tolerated on
 * read (a tolerant reader: a field dropped by an upcaster or added by a later revision never breaks
 * loading); the HTTP mapper, by contrast, refuses them.
 */
public final class EventJson {

    private EventJson() {
    }

    public static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
