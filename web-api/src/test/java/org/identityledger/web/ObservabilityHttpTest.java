package org.identityledger.web;

import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator's monitoring reads: health with its probes, and Prometheus metrics with the ledger's own counters. */
class ObservabilityHttpTest extends IntegrationTest {

    @Test
    void healthAndItsProbesAreUpWithTheDatabase() {
        HttpAnswer health = browser().get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
        assertThat(health.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(browser().get("/actuator/health/liveness").json().path("status").asText()).isEqualTo("UP");
        assertThat(browser().get("/actuator/health/readiness").json().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void prometheusCountsSignInsByOutcomeAndShowsTheLedgersGauges() {
        String email = uniqueEmail();
        signUpAndVerify(browser(), email);
        nativeLogIn(email);
        nativeClient().postJson("/v1/auth/native/login", "{\"email\":\"" + email + "\",\"password\":\"not the password\"}");

        HttpAnswer metrics = browser().get("/actuator/prometheus");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain");
        assertThat(metrics.body())
                .containsPattern("ledger_logins_total\\{[^}]*outcome=\"success\"[^}]*} [1-9]")
                .containsPattern("ledger_logins_total\\{[^}]*outcome=\"invalid_credentials\"[^}]*} [1-9]")
                .contains("ledger_refresh_reuse_total")
                .contains("ledger_rate_limit_hits_total")
                .containsPattern("ledger_projection_lag_events\\{[^}]*projection=\"")
                .contains("ledger_chain_lag_events")
                .contains("http_server_requests_seconds");
    }
}
