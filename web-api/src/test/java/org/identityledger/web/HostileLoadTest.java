package org.identityledger.web;

import org.identityledger.web.support.Browser;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.identityledger.web.support.RawConnection;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One client trying to stop the service (issue 9): trickled headers, bodies that never finish, a
 * login flood. Each attack runs against the shared service while a signed-in browser keeps reading
 * /v1/auth/me, which must stay fast.
 */
class HostileLoadTest extends IntegrationTest {

    /** More than server.tomcat.threads.max, so an attack that holds one thread per connection takes them all. */
    private static final int MORE_CONNECTIONS_THAN_THREADS = 72;

    @Test
    void aConnectionThatTricklesItsHeadersIsClosedBeforeItIsServed() throws Exception {
        try (RawConnection slowloris = new RawConnection(port)) {
            slowloris.send("GET /v1/auth/csrf HTTP/1.1\r\nHost: localhost\r\n");
            boolean stillAccepted = true;
            for (int line = 0; line < 2 && stillAccepted; line++) {
                Thread.sleep(4_000);
                stillAccepted = slowloris.trySend("X-Trickle-" + line + ": 1\r\n");
            }
            slowloris.trySend("\r\n");
            String answer = slowloris.readUntilClosed(5_000);
            assertThat(answer).as("a header line every 4 s must not keep a connection").doesNotStartWith("HTTP/1.1 200");
        }
    }

    @Test
    void slowBodiesOnRoutesThatTakeNoBodyHoldNoRequestThread() throws Exception {
        Browser signedIn = signedInBrowser();
        List<RawConnection> attackers = new ArrayList<>();
        AtomicBoolean attacking = new AtomicBoolean(true);
        Thread trickle = null;
        try {
            for (int i = 0; i < MORE_CONNECTIONS_THAN_THREADS; i++) {
                attackers.add(new RawConnection(port).send("GET /v1/auth/csrf HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 60000\r\n\r\n{"));
            }
            trickle = trickle(attackers, attacking);
            Thread.sleep(1_000);

            assertMeStaysFast(signedIn, 10);
        } finally {
            attacking.set(false);
            if (trickle != null) {
                trickle.join();
            }
            for (RawConnection attacker : attackers) {
                attacker.close();
            }
        }
    }

    @Test
    void aBodySentToARouteThatTakesNoneIsIgnoredAndTheAnswerIsComplete() throws Exception {
        try (RawConnection connection = new RawConnection(port)) {
            connection.send("GET /v1/auth/csrf HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 600\r\n\r\n{");
            String answer = connection.readUntilClosed(3_000);
            // Complete, and announced as the connection's last answer (it ends where the connection does).
            assertThat(answer).startsWith("HTTP/1.1 200").contains("\r\nConnection: close\r\n").contains("\"csrf_token\"")
                    .endsWith("}");
        }
    }

    @Test
    void requestBodiesCannotTakeEveryRequestThread() throws Exception {
        Browser signedIn = signedInBrowser();
        List<RawConnection> attackers = new ArrayList<>();
        AtomicBoolean attacking = new AtomicBoolean(true);
        Thread trickle = null;
        try {
            for (int i = 0; i < MORE_CONNECTIONS_THAN_THREADS; i++) {
                attackers.add(new RawConnection(port).send("POST /v1/auth/native/login HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 60000\r\n\r\n{"));
            }
            trickle = trickle(attackers, attacking);
            Thread.sleep(500);

            // Within the body deadline: the slow bodies are all still being read.
            assertMeStaysFast(signedIn, 8);
        } finally {
            attacking.set(false);
            if (trickle != null) {
                trickle.join();
            }
            for (RawConnection attacker : attackers) {
                attacker.close();
            }
        }
    }

    @Test
    void aBodyThatTakesLongerThanTheDeadlineIsRefusedWith408() throws Exception {
        try (RawConnection slow = new RawConnection(port)) {
            slow.send("POST /v1/auth/native/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n{");
            long started = System.nanoTime();
            String answer = "";
            for (int i = 0; i < 40 && answer.isEmpty(); i++) {
                // One byte every 500 ms: never idle long enough for a per-read timeout.
                Thread.sleep(500);
                if (!slow.trySend(" ")) {
                    break;
                }
            }
            answer = slow.readUntilClosed(3_000);
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            assertThat(answer).as("after %d s", seconds).startsWith("HTTP/1.1 408");
            assertThat(answer).contains("application/problem+json").contains("\"code\":\"REQUEST_TIMEOUT\"");
            assertThat(seconds).as("the whole body has a deadline, not each read").isLessThanOrEqualTo(10);
        }
    }

    @Test
    void aStreamedBodyOfUnknownLengthIsReadWholePastTheFirstBuffer() throws Exception {
        // 20,000 bytes in chunks, no Content-Length: read whole, the JSON parses, and the answer is the
        // field's refusal, not a truncated body's MALFORMED_REQUEST.
        assertThat(streamedRefresh("{" + " ".repeat(19_998) + "}", 4))
                .startsWith("HTTP/1.1 400").contains("\"code\":\"VALIDATION_FAILED\"");
    }

    @Test
    void aStreamedBodyLargerThanTheLimitIsRefusedWith413() throws Exception {
        assertThat(streamedRefresh("{" + " ".repeat(70_000) + "}", 14))
                .startsWith("HTTP/1.1 413").contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
    }

    /** The answer to a refresh whose body comes in {@code chunks} chunks, with no Content-Length. */
    private String streamedRefresh(String body, int chunks) throws Exception {
        StringBuilder request = new StringBuilder("POST /v1/auth/native/refresh HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
        int size = (body.length() + chunks - 1) / chunks;
        for (int start = 0; start < body.length(); start += size) {
            String chunk = body.substring(start, Math.min(body.length(), start + size));
            request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        try (RawConnection client = new RawConnection(port)) {
            return client.send(request.append("0\r\n\r\n").toString()).readUntilClosed(10_000);
        }
    }

    @Test
    void aLoginFloodIsShedWith503AndRetryAfterWhileMeStaysFast() throws Exception {
        Browser signedIn = signedInBrowser();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(16)).build();
        ExecutorService flood = Executors.newFixedThreadPool(120);
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<String> retryAfter = new ArrayList<>();
        try {
            List<Future<?>> logins = new ArrayList<>();
            for (int i = 0; i < 240; i++) {
                logins.add(flood.submit(() -> {
                    HttpRequest login = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/auth/native/login"))
                            .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(loginJson(uniqueEmail(), PASSWORD))).build();
                    HttpResponse<String> answer = client.send(login, HttpResponse.BodyHandlers.ofString());
                    statuses.merge(answer.statusCode(), 1, Integer::sum);
                    if (answer.statusCode() == 503) {
                        assertThat(answer.body()).contains("\"code\":\"SERVICE_UNAVAILABLE\"");
                        synchronized (retryAfter) {
                            retryAfter.add(answer.headers().firstValue("Retry-After").orElse("missing"));
                        }
                    }
                    return null;
                }));
            }
            Thread.sleep(300);
            assertMeStaysFast(signedIn, 20);
            for (Future<?> login : logins) {
                login.get(60, TimeUnit.SECONDS);
            }
        } finally {
            flood.shutdownNow();
        }
        System.out.println("login flood statuses: " + statuses);
        assertThat(statuses.keySet()).as("only wrong-password answers or shed load").isSubsetOf(401, 503);
        assertThat(statuses.getOrDefault(503, 0)).as("a full hash queue sheds load: %s", statuses).isPositive();
        assertThat(retryAfter).allMatch(value -> value.matches("\\d+"));
    }

    private Browser signedInBrowser() {
        Browser browser = browser();
        String email = uniqueEmail();
        signUp(browser, email);
        assertThat(logIn(browser, email).status()).isEqualTo(200);
        assertThat(browser.get("/v1/auth/me").status()).isEqualTo(200);
        return browser;
    }

    /** Reads /me {@code times} times; each must answer 200 within a second, none may wait for the attack. */
    private void assertMeStaysFast(Browser signedIn, int times) throws Exception {
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                long started = System.nanoTime();
                Future<HttpAnswer> answer = reader.submit(() -> signedIn.get("/v1/auth/me"));
                HttpAnswer me;
                try {
                    me = answer.get(3, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException hung) {
                    throw new AssertionError("GET /v1/auth/me did not answer within 3 s during the attack");
                }
                millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                assertThat(me.status()).as(me.body()).isEqualTo(200);
                Thread.sleep(100);
            }
            System.out.println("/me during the attack, ms: " + millis);
            assertThat(millis).allMatch(value -> value < 1_000, "each under a second");
        } finally {
            reader.shutdownNow();
        }
    }

    /** Keeps every attacker connection alive with one more byte each second. */
    private static Thread trickle(List<RawConnection> attackers, AtomicBoolean attacking) {
        Thread trickle = new Thread(() -> {
            while (attacking.get()) {
                for (RawConnection attacker : attackers) {
                    attacker.trySend(" ");
                }
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        });
        trickle.setDaemon(true);
        trickle.start();
        return trickle;
    }
}
