package org.identityledger.web;

import org.identityledger.web.support.Browser;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProtocolErrorsHttpTest extends IntegrationTest {

    @Test
    void unknownRouteIsNotFound() {
        browser().get("/v1/nothing-here").assertProblem(404, "NOT_FOUND");
        browser().postJson("/v1/nothing-here", "{}").assertProblem(404, "NOT_FOUND");
    }

    @Test
    void wrongMethodIsNotAllowed() {
        Browser browser = browser();
        browser.send("DELETE", "/v1/auth/me", null, null).assertProblem(405, "METHOD_NOT_ALLOWED");
        browser.get("/v1/auth/signup").assertProblem(405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void malformedJsonIsAMalformedRequest() {
        browser().postJson("/v1/auth/signup", "{\"email\":").assertProblem(400, "MALFORMED_REQUEST");
        browser().postJson("/v1/auth/login", "not json").assertProblem(400, "MALFORMED_REQUEST");
        browser().postJson("/v1/auth/login", "").assertProblem(400, "MALFORMED_REQUEST");
    }

    @Test
    void wrongContentTypeIsAMalformedRequest() {
        browser().send("POST", "/v1/auth/signup", "text/plain", signupJson(uniqueEmail()))
                .assertProblem(400, "MALFORMED_REQUEST");
        browser().send("POST", "/v1/auth/login", null, "{}").assertProblem(400, "MALFORMED_REQUEST");
    }

    @Test
    void wrongTypesAreValidationFailures() {
        var answer = browser().postJson("/v1/auth/signup", "{\"email\":[\"a@b.c\"],\"password\":{}}")
                .assertProblem(400, "VALIDATION_FAILED");
        assertThat(answer.json().path("errors").get(0).path("field").asText()).isNotBlank();
    }

    @Test
    void anUnknownFieldIsRefusedAndNamedNeverSilentlyIgnored() {
        var answer = browser().postJson("/v1/auth/signup", "{\"email\":\"" + uniqueEmail() + "\",\"password\":\"" + PASSWORD
                + "\",\"is_admin\":true}");
        answer.assertProblem(400, "VALIDATION_FAILED");
        assertThat(answer.json().path("errors").get(0).path("field").asText()).isEqualTo("is_admin");
    }
}
