package org.identityledger.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.identityledger.web.support.RawHttp;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small answer leaves in one write with its length (Spring's flush after every body made each
 * one chunked, with the closing chunk in a second write); a large one still streams.
 */
class WholeAnswerHttpTest extends IntegrationTest {

    @Test
    void aSmallJsonAnswerLeavesWithItsLengthNotInChunks() {
        for (HttpAnswer answer : new HttpAnswer[] {
                RawHttp.send(port, "GET", "/v1/auth/csrf", Map.of(), null),
                RawHttp.send(port, "GET", "/v1/auth/me", Map.of("Authorization", "Bearer not-a-token"), null)}) {
            assertThat(answer.headers().firstValue("Transfer-Encoding")).as("%s", answer).isEmpty();
            assertThat(answer.headers().firstValue("Content-Length")).as("%s", answer)
                    .hasValue(String.valueOf(answer.body().getBytes(StandardCharsets.UTF_8).length));
        }
    }

    @Test
    void anAnswerLargerThanTheBufferStillArrivesWhole() throws Exception {
        HttpAnswer documentation = RawHttp.send(port, "GET", "/v3/api-docs", Map.of(), null);

        assertThat(documentation.body().length()).isGreaterThan(16 * 1024);
        documentation.headers().firstValue("Content-Length").ifPresent(length ->
                assertThat(length).isEqualTo(String.valueOf(documentation.body().getBytes(StandardCharsets.UTF_8).length)));
        assertThat(new ObjectMapper().readTree(documentation.body()).path("paths").has("/v1/auth/me")).isTrue();
    }
}
