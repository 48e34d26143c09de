package org.identityledger.web;

import org.identityledger.web.support.IntegrationTest;
import org.identityledger.web.support.RawConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors Tomcat raises itself, before any servlet runs, still follow the contract (problem+json
 * with a code), and a client that hangs up is not an ERROR with a stack trace in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class ContainerErrorsHttpTest extends IntegrationTest {

    @Test
    void anOversizedHeaderIsAProblemNotAnHtmlPage() throws Exception {
        String answer = exchange("GET /v1/auth/csrf HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000)
                + "\r\n\r\n");
        assertProblem(answer, "400", "MALFORMED_REQUEST");
    }

    @Test
    void aHundredKilobyteUrlIsAProblemNotAnHtmlPage() throws Exception {
        String answer = exchange("GET /v1/auth/csrf?padding=" + "a".repeat(100_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 4");
        assertThat(headers(answer)).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(answer).contains("\"code\":\"");
    }

    @Test
    void anInvalidRequestLineIsAProblemNotAnHtmlPage() throws Exception {
        String answer = exchange("GET /v1/auth/csrf?a=<> HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertProblem(answer, "400", "MALFORMED_REQUEST");
    }

    @Test
    void aClientThatHangsUpIsNotLoggedAsAnError(CapturedOutput output) throws Exception {
        for (int i = 0; i < 5; i++) {
            // A login whose answer nobody waits for, and a body cut off half way.
            try (RawConnection gone = new RawConnection(port)) {
                String body = loginJson(uniqueEmail(), PASSWORD);
                gone.send("POST /v1/auth/native/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length() + "\r\n\r\n" + body);
            }
            try (RawConnection cut = new RawConnection(port)) {
                cut.send("POST /v1/auth/native/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 500\r\n\r\n{\"email\":");
            }
        }
        Thread.sleep(3_000);
        assertThat(output.getAll().lines().filter(line -> line.contains(" ERROR ")).toList())
                .as("client disconnects are not errors").isEmpty();
        assertThat(output.getAll()).doesNotContain("ClientAbortException").doesNotContain("Broken pipe");
    }

    private String exchange(String request) throws Exception {
        try (RawConnection connection = new RawConnection(port)) {
            connection.trySend(request);
            return connection.readUntilClosed(5_000);
        }
    }

    private static String headers(String answer) {
        int end = answer.indexOf("\r\n\r\n");
        return end < 0 ? answer : answer.substring(0, end);
    }

    private static void assertProblem(String answer, String status, String code) {
        assertThat(answer).startsWith("HTTP/1.1 " + status);
        assertThat(headers(answer)).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(answer).contains("\"code\":\"" + code + "\"").contains("\"status\":" + status);
    }
}
