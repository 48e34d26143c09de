package org.identityledger.web;

import org.identityledger.web.support.Browser;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An unknown email costs the same Argon2id work as a wrong password, so login timing does not tell
 * whether an account exists. Medians over 50 interleaved requests each must be within 10%.
 */
class LoginTimingTest extends IntegrationTest {

    private static final int SAMPLES = 50;

    @Test
    void unknownEmailAndWrongPasswordTakeTheSameTime() {
        String known = uniqueEmail();
        signUp(browser(), known);
        Browser browser = browser();
        for (int warmUp = 0; warmUp < 10; warmUp++) {
            browser.postJson("/v1/auth/login", loginJson(known, "wrong password " + warmUp));
            browser.postJson("/v1/auth/login", loginJson(uniqueEmail(), "wrong password " + warmUp));
        }

        List<Long> wrongPassword = new ArrayList<>();
        List<Long> unknownEmail = new ArrayList<>();
        List<Double> pairRatios = new ArrayList<>();
        for (int sample = 0; sample < SAMPLES; sample++) {
            // Alternate which goes first, and compare each adjacent pair: a machine whose speed drifts
            // (other builds on the same two cores) moves both halves of a pair alike.
            boolean knownFirst = sample % 2 == 0;
            long first = time(browser, knownFirst ? loginJson(known, "wrong password " + sample)
                    : loginJson(uniqueEmail(), "wrong password " + sample));
            long second = time(browser, knownFirst ? loginJson(uniqueEmail(), "wrong password " + sample)
                    : loginJson(known, "wrong password " + sample));
            long wrong = knownFirst ? first : second;
            long unknown = knownFirst ? second : first;
            wrongPassword.add(wrong);
            unknownEmail.add(unknown);
            pairRatios.add((double) unknown / wrong);
        }

        double wrongMedian = median(wrongPassword);
        double unknownMedian = median(unknownEmail);
        double pairMedian = pairRatios.stream().sorted().toList().get(SAMPLES / 2);
        System.out.printf("login median: wrong password %.1f ms, unknown email %.1f ms (ratio %.3f, median pair ratio %.3f)%n",
                wrongMedian / 1e6, unknownMedian / 1e6, unknownMedian / wrongMedian, pairMedian);
        assertThat(pairMedian).isBetween(0.9, 1.1);
    }

    private static long time(Browser browser, String body) {
        long start = System.nanoTime();
        int status = browser.postJson("/v1/auth/login", body).status();
        long elapsed = System.nanoTime() - start;
        assertThat(status).isEqualTo(401);
        return elapsed;
    }

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2.0;
    }
}
