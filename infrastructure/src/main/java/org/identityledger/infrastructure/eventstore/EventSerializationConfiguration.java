package org.identityledger.infrastructure.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.identityledger.events.EventJson;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The event store's own JSON mapper. Axon's Spring Boot support builds its Jackson serializers
 * (events, snapshots, tokens) from the bean named {@code defaultAxonObjectMapper} when there is one,
 * so the stored format no longer follows whatever the web layer's mapper is set to. It is not a
 * default autowiring candidate, so Spring MVC keeps Spring Boot's own mapper.
 */
@Configuration(proxyBeanMethods = false)
public class EventSerializationConfiguration {

    public static final String OBJECT_MAPPER_BEAN = "defaultAxonObjectMapper";

    @Bean(name = OBJECT_MAPPER_BEAN, defaultCandidate = false)
    public ObjectMapper defaultAxonObjectMapper() {
        return EventJson.objectMapper();
    }
}
