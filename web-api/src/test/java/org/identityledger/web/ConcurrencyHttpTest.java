package org.identityledger.web;

import org.identityledger.web.support.Browser;
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
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%AccountRegisteredEvent'"
                + " AND lower(convert_from(payload, 'UTF8')) LIKE ?", Long.class, "%" + email + "%")).isEqualTo(1);
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

    private List<Browser> browsers() {
        List<Browser> browsers = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            browsers.add(browser());
        }
        return browsers;
    }

    private static Map<Integer, Long> race(Function<Integer, Integer> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
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
