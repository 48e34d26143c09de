package org.identityledger.web.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/** One HTTP answer, with the body parsed as JSON when it is JSON. */
public record HttpAnswer(int status, HttpHeaders headers, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (Exception notJson) {
            throw new AssertionError("not JSON: " + body, notJson);
        }
    }

    public String text(String field) {
        return json().path(field).asText(null);
    }

    public String contentType() {
        return headers.firstValue("Content-Type").orElse("");
    }

    /** Asserts an RFC 9457 problem with the contract's status and code. */
    public HttpAnswer assertProblem(int expectedStatus, String expectedCode) {
        assertThat(status).as("status of %s", body).isEqualTo(expectedStatus);
        assertThat(contentType()).startsWith("application/problem+json");
        JsonNode problem = json();
        assertThat(problem.path("code").asText()).isEqualTo(expectedCode);
        assertThat(problem.path("status").asInt()).isEqualTo(expectedStatus);
        assertThat(problem.path("type").asText()).isNotBlank();
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.has("detail")).isTrue();
        return this;
    }
}
