package org.identityledger.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What goes over the wire and what goes into the store: each named exactly once, and independent of each other. */
class WireFormatHttpTest extends IntegrationTest {

    @Autowired
    @Qualifier("eventSerializer")
    private Serializer eventSerializer;
    @Autowired
    private ObjectMapper webObjectMapper;

    @Test
    void anUnknownFieldIsNamedInAValidationProblemNeverSilentlyDropped() {
        HttpAnswer answer = browser().postJson("/v1/auth/signup",
                "{\"email\":\"" + uniqueEmail() + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"Ada\"}");

        answer.assertProblem(400, "VALIDATION_FAILED");
        assertThat(answer.json().path("errors").get(0).path("field").asText()).isEqualTo("displayName");
        assertThat(answer.json().path("errors").get(0).path("code").asText()).isEqualTo("UNKNOWN_FIELD");
    }

    @Test
    void theOpenApiSchemasNameEveryFieldAsTheWireDoes() {
        JsonNode schemas = browser().get("/v3/api-docs").json().path("components").path("schemas");
        List<String> camelCase = new ArrayList<>();
        schemas.fields().forEachRemaining(schema -> schema.getValue().path("properties").fieldNames().forEachRemaining(name -> {
            if (!name.equals(name.toLowerCase())) {
                camelCase.add(schema.getKey() + "." + name);
            }
        }));

        assertThat(camelCase).isEmpty();
        assertThat(schemas.path("SignupBody").path("properties").has("display_name")).isTrue();
        assertThat(schemas.path("NativeTokensAnswer").path("properties").has("access_token")).isTrue();
    }

    @Test
    void theEventStoreSerializesWithItsOwnMapperNotTheWebOne() throws Exception {
        ObjectMapper stored = ((JacksonSerializer) eventSerializer).getObjectMapper();

        assertThat(stored).isNotSameAs(webObjectMapper);
        // The golden files of the events module are what the production event serializer bean writes.
        JsonNode golden = stored.readTree(Files.readString(Path.of("..", "events", "src", "test", "resources", "golden",
                "SessionRevokedEvent.v1.json")));
        Object event = stored.treeToValue(golden, org.identityledger.events.session.SessionRevokedEvent.class);
        assertThat(stored.readTree(stored.writeValueAsString(event))).isEqualTo(golden);
    }
}
