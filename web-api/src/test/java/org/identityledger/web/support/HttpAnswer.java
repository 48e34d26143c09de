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

    /** The stable code of a refusal: the problem's {@code code}, or on an HTML page its "Code: …" line. */
    public String code() {
        if (contentType().startsWith("text/html")) {
            java.util.regex.Matcher code = java.util.regex.Pattern.compile("<p class=\"code\">Code: ([A-Z_]+)</p>").matcher(body);
            return code.find() ? code.group(1) : null;
        }
        return text("code");
    }

    /** Asserts an HTML page answering with this status and, for a refusal, the contract's code on it. */
    public HttpAnswer assertPage(int expectedStatus, String expectedCode) {
        assertThat(status).as("status of %s", body).isEqualTo(expectedStatus);
        assertThat(contentType()).startsWith("text/html");
        assertThat(headers.firstValue("Content-Security-Policy").orElse("")).contains("default-src 'none'");
        assertThat(code()).isEqualTo(expectedCode);
        return this;
    }

    /** The page's title. */
    public String title() {
        java.util.regex.Matcher title = java.util.regex.Pattern.compile("<title>([^<]*)</title>").matcher(body);
        return title.find() ? title.group(1) : null;
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
