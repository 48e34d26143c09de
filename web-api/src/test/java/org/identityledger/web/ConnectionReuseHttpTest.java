package org.identityledger.web;

import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request refused before its body was read has its connection closed after the answer (so a
 * trickled body cannot hold a thread); the answer must say so, or a keep-alive client sends its next
 * request into the closing socket and gets no answer at all.
 */
class ConnectionReuseHttpTest extends IntegrationTest {

    @Test
    void aKeepAliveClientNeverLosesARequestAfterAnUnreadBodyWasRefused() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String body = "{\"padding\":\"" + "x".repeat(8_000) + "\"}";
        for (int round = 0; round < 40; round++) {
            // A DELETE carries no body this service reads: refused (403, no CSRF header) with the body left unread.
            HttpResponse<String> refused = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/v1/auth/sessions/ses_x")).header("Content-Type", "application/json")
                    .method("DELETE", HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(403);

            // A POST next: clients do not silently retry it on a dead connection, as they may a GET.
            HttpResponse<String> next = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/v1/auth/signup")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(next.statusCode()).as("round %d", round).isEqualTo(403);
        }
    }
}
