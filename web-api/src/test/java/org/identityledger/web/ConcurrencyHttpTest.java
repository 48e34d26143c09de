package org.identityledger.web;

import org.identityledger.web.support.Browser;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrencyHttpTest extends IntegrationTest {

    private static final int RACERS = 20;

    @Test
    void twentyConcurrentSignupsWithOneEmailMakeExactlyOneAccount() throws Exception {
        String email = uniqueEmail();
        List<Browser> browsers = browsers();

        Map<Integer, Long> statuses = race(index ->
                browsers.get(index).postJson("/v1/auth/signup", signupJson(index % 2 == 0 ? email : email.toUpperCase())).status());

        assertThat(statuses).containsEntry(201, 1L).containsEntry(409, (long) RACERS - 1).hasSize(2);
        // The address is sealed in the stored event: count by the account the lookup holds for it.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%AccountRegisteredEvent'"
                + " AND aggregate_identifier IN (SELECT account_ref FROM account_lookup WHERE email_normalized = ?)", Long.class, email))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT aggregate_identifier) FROM domain_event_entry WHERE aggregate_identifier IN"
                + " (SELECT account_ref FROM account_lookup WHERE email_normalized = ?)", Long.class, email)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account_view WHERE lower(email) = ?", Long.class, email)).isEqualTo(1);
        // Losers leave nothing behind: no stray events, no queued mail.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry e WHERE e.payload_type LIKE '%AccountRegisteredEvent'"
                + " AND NOT EXISTS (SELECT 1 FROM account_view v WHERE v.account_ref = e.aggregate_identifier)", Long.class)).isZero();
        mailbox.awaitMessage(email, 1);
        Thread.sleep(500);
        assertThat(mailbox.messagesTo(email)).hasSize(1);
    }

    @Test
    void twentyConcurrentVerificationsWithOneTokenSucceedExactlyOnce() throws Exception {
        String email = uniqueEmail();
        String accountRef = signUp(browser(), email);
        String token = mailbox.awaitVerificationToken(email, 1);
        List<Browser> browsers = browsers();

        Map<Integer, Long> statuses = race(index ->
                browsers.get(index).postJson("/v1/auth/email/verify", "{\"token\":\"" + token + "\"}").status());

        assertThat(statuses).containsEntry(200, 1L).containsEntry(409, (long) RACERS - 1).hasSize(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type LIKE '%EmailVerifiedEvent'", Long.class, accountRef)).isEqualTo(1);
    }

    @Test
    void twentyConcurrentResetsWithOneTokenSucceedExactlyOnce() throws Exception {
        String email = uniqueEmail();
        String accountRef = signUp(browser(), email);
        browser().postJson("/v1/auth/password/reset-request", "{\"email\":\"" + email + "\"}");
        String token = mailbox.awaitResetLink(email, 2).group(2);
        List<Browser> browsers = browsers();

        Map<Integer, Long> statuses = race(index -> browsers.get(index).postJson("/v1/auth/password/reset",
                "{\"token\":\"" + token + "\",\"new_password\":\"new passphrase number " + index + "\"}").status());

        assertThat(statuses).containsEntry(204, 1L).containsEntry(409, (long) RACERS - 1).hasSize(2);
        assertThat(eventsOfType(accountRef, "PasswordChangedEvent")).isEqualTo(1);
    }

    @Test
    void twoConcurrentRefreshesWithOneTokenRotateOnceAndEndTheSession() throws Exception {
        String email = uniqueEmail();
        signUp(browser(), email);
        var tokens = nativeLogIn(email);
        String sessionId = tokens.text("session_id");

        Map<Integer, Long> statuses = race(2, index -> refresh(tokens.text("refresh_token")).status());

        assertThat(statuses).containsEntry(200, 1L).containsEntry(401, 1L);
        assertThat(eventsOfType(sessionId, "RefreshTokenRotatedEvent")).isEqualTo(1);
        assertThat(eventsOfType(sessionId, "SessionRevokedEvent")).as("the loser presented a spent token").isEqualTo(1);
    }

    @Test
    void aLogoutRacingARefreshEndsTheSessionWhicheverWins() throws Exception {
        for (int round = 0; round < 8; round++) {
            String email = uniqueEmail();
            signUp(browser(), email);
            var tokens = nativeLogIn(email);
            String sessionId = tokens.text("session_id");
            Browser app = nativeClient().bearer(tokens.text("access_token"));
            HttpAnswer[] answers = new HttpAnswer[2];

            race(2, index -> {
                answers[index] = index == 0 ? app.post("/v1/auth/native/logout") : refresh(tokens.text("refresh_token"));
                return answers[index].status();
            });

            assertThat(answers[0].status()).as("logout").isEqualTo(204);
            assertThat(eventsOfType(sessionId, "SessionRevokedEvent")).isEqualTo(1);
            long rotations = eventsOfType(sessionId, "RefreshTokenRotatedEvent");
            HttpAnswer refreshed = answers[1];
            if (refreshed.status() == 200) {
                // The refresh won: its rotation precedes the revocation, and its new tokens are dead now.
                assertThat(rotations).isEqualTo(1);
                refresh(refreshed.text("refresh_token")).assertProblem(401, "REFRESH_TOKEN_INVALID");
                nativeClient().bearer(refreshed.text("access_token")).get("/v1/auth/me").assertProblem(401, "UNAUTHENTICATED");
            } else {
                assertThat(refreshed.status()).isEqualTo(401);
                assertThat(rotations).isZero();
            }
        }
    }

    private long eventsOfType(String aggregateIdentifier, String type) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type LIKE ?", Long.class, aggregateIdentifier, "%." + type);
    }

    private List<Browser> browsers() {
        List<Browser> browsers = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            browsers.add(browser());
        }
        return browsers;
    }

    private static Map<Integer, Long> race(Function<Integer, Integer> request) throws Exception {
        return race(RACERS, request);
    }

    private static Map<Integer, Long> race(int racers, Function<Integer, Integer> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                int index = i;
                results.add(pool.submit(() -> {
                    start.await();
                    return request.apply(index);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get(60, TimeUnit.SECONDS));
            }
            return statuses.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        } finally {
            pool.shutdownNow();
        }
    }
}
