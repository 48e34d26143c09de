package org.identityledger.web;

import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiHttpTest extends IntegrationTest {

    @Test
    void theLiveOpenApiDescriptionListsEveryContractRoute() {
        HttpAnswer api = browser().get("/v3/api-docs");

        assertThat(api.status()).isEqualTo(200);
        assertThat(api.json().path("paths").fieldNames()).toIterable().contains(
                "/v1/auth/signup", "/v1/auth/login", "/v1/auth/logout", "/v1/auth/me", "/v1/auth/csrf",
                "/v1/auth/email/verify", "/v1/auth/email/verification", "/v1/auth/password/reset-request",
                "/v1/auth/password/reset", "/v1/auth/native/login", "/v1/auth/native/refresh",
                "/v1/auth/native/logout", "/v1/auth/sessions", "/v1/auth/sessions/{session_id}",
                "/v1/auth/sessions/revoke-others", "/.well-known/jwks.json");
    }
}
