package org.identityledger.web;

import com.zaxxer.hikari.HikariDataSource;
import org.identityledger.web.support.Browser;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database that stops answering (here: a table lock held by someone else) must turn into prompt
 * 503s, not pin every pooled connection and request thread for as long as the lock is held.
 */
class StatementTimeoutTest extends IntegrationTest {

    @Autowired
    private HikariDataSource dataSource;

    @Test
    void aLockedTableAnswers503PromptlyInsteadOfPinningEveryConnection() throws Exception {
        Browser signedIn = browser();
        String email = uniqueEmail();
        signUp(signedIn, email);
        // Signed in but never asked /me: its session is not in the cached views yet, so /me must read
        // PostgreSQL (a cached session is answered without it, which is the point of the cache).
        assertThat(logIn(signedIn, email).status()).isEqualTo(200);

        ExecutorService readers = Executors.newFixedThreadPool(20);
        // Outside the pool, so the lock holder is not subject to the service's own timeouts.
        try (Connection locker = DriverManager.getConnection(dataSource.getJdbcUrl(), dataSource.getUsername(),
                dataSource.getPassword())) {
            locker.setAutoCommit(false);
            try (Statement lock = locker.createStatement()) {
                lock.execute("LOCK TABLE session_lookup, session_view, account_view IN ACCESS EXCLUSIVE MODE");
            }
            List<Future<long[]>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                answers.add(readers.submit(() -> {
                    long started = System.nanoTime();
                    HttpAnswer me = signedIn.get("/v1/auth/me");
                    return new long[]{me.status(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)};
                }));
            }
            for (Future<long[]> answer : answers) {
                long[] result;
                try {
                    result = answer.get(15, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException hung) {
                    throw new AssertionError("GET /v1/auth/me still waiting for the lock after 15 s");
                }
                assertThat(result[0]).as("status").isEqualTo(503);
                assertThat(result[1]).as("answered within the lock timeout and a pool wait, ms").isLessThan(8_000);
            }
            locker.rollback();
        } finally {
            readers.shutdownNow();
        }
        signedIn.get("/v1/auth/me");
        assertThat(signedIn.get("/v1/auth/me").status()).as("recovers once the lock is gone").isEqualTo(200);
    }

    @Test
    void a503ForALockedTableIsTheContractsProblem() throws Exception {
        Browser signedIn = browser();
        String email = uniqueEmail();
        signUp(signedIn, email);
        assertThat(logIn(signedIn, email).status()).isEqualTo(200);
        try (Connection locker = DriverManager.getConnection(dataSource.getJdbcUrl(), dataSource.getUsername(),
                dataSource.getPassword())) {
            locker.setAutoCommit(false);
            try (Statement lock = locker.createStatement()) {
                lock.execute("LOCK TABLE session_lookup, session_view, account_view IN ACCESS EXCLUSIVE MODE");
            }
            HttpAnswer me = signedIn.get("/v1/auth/me");
            locker.rollback();
            me.assertProblem(503, "SERVICE_UNAVAILABLE");
            assertThat(me.headers().firstValue("Retry-After")).isPresent();
        }
    }
}
