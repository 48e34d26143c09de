package org.identityledger.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that knows nothing but the live description at /v3/api-docs: it builds every request body
 * from the documented schema (refusing any field the schema does not name and any required one it
 * lacks), authenticates as the security schemes say, expects exactly the documented success status,
 * and checks every answered field is documented. With it, the browser and native flows must work.
 */
class OpenApiClientHttpTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonNode description;

    @BeforeEach
    void readTheDescription() throws Exception {
        description = JSON.readTree(send(HttpClient.newHttpClient(), "GET", "/v3/api-docs", null, Map.of()).body());
    }

    @Test
    void aClientBuiltFromTheDescriptionCompletesTheBrowserFlow() throws Exception {
        SpecClient browser = new SpecClient();
        String email = uniqueEmail();

        JsonNode signedUp = browser.call("POST", "/v1/auth/signup",
                Map.of("email", email, "password", PASSWORD, "display_name", "Ada"));
        assertThat(signedUp.path("display_name").asText()).isEqualTo("Ada");
        browser.call("POST", "/v1/auth/login", Map.of("email", email, "password", PASSWORD));
        assertThat(browser.call("GET", "/v1/auth/me", Map.of()).path("email").asText()).isEqualTo(email);
        browser.call("GET", "/v1/auth/sessions", Map.of());
        browser.call("POST", "/v1/auth/logout", Map.of());
    }

    @Test
    void aClientBuiltFromTheDescriptionCompletesTheNativeFlow() throws Exception {
        String email = uniqueEmail();
        new SpecClient().call("POST", "/v1/auth/signup", Map.of("email", email, "password", PASSWORD));
        SpecClient app = new SpecClient();

        JsonNode tokens = app.call("POST", "/v1/auth/native/login", Map.of("email", email, "password", PASSWORD,
                "device_name", "Generated client"));
        JsonNode refreshed = app.call("POST", "/v1/auth/native/refresh", Map.of("refresh_token", tokens.path("refresh_token").asText()));
        app.bearer = refreshed.path("access_token").asText();
        assertThat(app.call("GET", "/v1/auth/me", Map.of()).path("email").asText()).isEqualTo(email);
        app.call("POST", "/v1/auth/native/logout", Map.of());
    }

    @Test
    void theDescriptionStatesSuccessStatusesProblemCodesAndSecuritySchemes() {
        JsonNode paths = description.path("paths");
        assertThat(paths.has("/error")).isFalse();
        assertThat(paths.path("/v1/auth/logout").path("post").path("responses").has("204")).isTrue();
        assertThat(paths.path("/v1/auth/logout").path("post").path("responses").has("200")).isFalse();
        assertThat(paths.path("/v1/auth/signup").path("post").path("responses").has("201")).isTrue();
        assertThat(paths.path("/v1/auth/password/reset-request").path("post").path("responses").has("202")).isTrue();
        assertThat(description.path("components").path("securitySchemes").fieldNames()).toIterable()
                .contains("sessionCookie", "csrfHeader", "bearerToken");
        JsonNode conflict = paths.path("/v1/auth/signup").path("post").path("responses").path("409");
        assertThat(conflict.path("content").path("application/problem+json").toString()).contains("EMAIL_ALREADY_REGISTERED");
    }

    /** Cookies in a jar, CSRF and bearer as the security schemes name them, bodies as the schemas name them. */
    private final class SpecClient {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        private String csrf;
        private String bearer;

        JsonNode call(String method, String path, Map<String, String> values) throws Exception {
            JsonNode operation = description.path("paths").path(path).path(method.toLowerCase());
            assertThat(operation.isMissingNode()).as("%s %s is described", method, path).isFalse();
            String body = null;
            JsonNode requestSchema = resolve(operation.path("requestBody").path("content").path("application/json").path("schema"));
            if (!requestSchema.isMissingNode()) {
                ObjectNode built = JSON.createObjectNode();
                values.forEach((name, value) -> {
                    assertThat(requestSchema.path("properties").has(name)).as("%s documents field %s", path, name).isTrue();
                    built.put(name, value);
                });
                requestSchema.path("required").forEach(required ->
                        assertThat(built.has(required.asText())).as("required %s of %s", required, path).isTrue());
                body = built.toString();
            }
            Map<String, String> headers = new java.util.HashMap<>();
            for (JsonNode requirement : operation.path("security")) {
                if (requirement.has("bearerToken") && bearer != null) {
                    headers.put("Authorization", "Bearer " + bearer);
                }
                if (requirement.has("csrfHeader") && bearer == null) {
                    headers.put(description.path("components").path("securitySchemes").path("csrfHeader").path("name").asText(), csrf());
                }
            }
            HttpResponse<String> answer = send(http, method, path, body, headers);
            // A login rotates the CSRF token and says so in the header the csrfHeader scheme names.
            answer.headers().firstValue(description.path("components").path("securitySchemes").path("csrfHeader")
                    .path("name").asText()).ifPresent(rotated -> csrf = rotated);
            List<String> documented = new ArrayList<>();
            operation.path("responses").fieldNames().forEachRemaining(documented::add);
            String success = documented.stream().filter(status -> status.startsWith("2")).findFirst().orElseThrow();
            assertThat(Integer.toString(answer.statusCode())).as("%s %s answered %s", method, path, answer.body()).isEqualTo(success);
            if (answer.body().isEmpty()) {
                return JSON.createObjectNode();
            }
            JsonNode json = JSON.readTree(answer.body());
            JsonNode responseSchema = resolve(operation.path("responses").path(success).path("content").path("*/*").path("schema"));
            if (responseSchema.isMissingNode()) {
                responseSchema = resolve(operation.path("responses").path(success).path("content").path("application/json").path("schema"));
            }
            for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                assertThat(responseSchema.path("properties").has(name)).as("%s answers documented field %s", path, name).isTrue();
            }
            return json;
        }

        private String csrf() throws Exception {
            if (csrf == null) {
                csrf = call("GET", "/v1/auth/csrf", Map.of()).path("csrf_token").asText();
            }
            return csrf;
        }

        private JsonNode resolve(JsonNode schema) {
            String reference = schema.path("$ref").asText("");
            return reference.isEmpty() ? schema
                    : description.path("components").path("schemas").path(reference.substring(reference.lastIndexOf('/') + 1));
        }
    }

    private HttpResponse<String> send(HttpClient http, String method, String path, String body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
