package org.identityledger.bench;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.Map;

/**
 * Routes for bench/run, present only in the process bench/run starts with this module on its class
 * path (see {@link BenchmarkProbes}); the service's jar has no /bench route at all.
 */
@RestController
class BenchmarkController {

    private static final Map<String, Object> FIXED = Map.of("status", "ok", "service", "identity-ledger");

    private final BenchmarkProbes probes;

    BenchmarkController(BenchmarkProbes probes) {
        this.probes = probes;
    }

    /** Baseline (b): the web stack alone, a fixed small JSON, no database. */
    @GetMapping("/bench/static")
    Map<String, Object> fixed() {
        return FIXED;
    }

    @GetMapping("/bench/baseline/argon2")
    Map<String, Object> argon2(@RequestParam("threads") int threads, @RequestParam("seconds") int seconds) throws Exception {
        return Map.of("per_second", probes.argon2VerificationsPerSecond(threads, Duration.ofSeconds(seconds)));
    }

    @GetMapping("/bench/baseline/db-writes")
    Map<String, Object> writes(@RequestParam("connections") int connections, @RequestParam("seconds") int seconds) throws Exception {
        return Map.of("per_second", probes.writeTransactionsPerSecond(connections, Duration.ofSeconds(seconds)));
    }

    @PostMapping("/bench/seed")
    Map<String, Object> seed(@RequestParam("accounts") int accounts, @RequestParam("sessions") int sessions) throws Exception {
        return probes.seed(accounts, sessions);
    }

    @PostMapping("/bench/append")
    Map<String, Object> append(@RequestParam("threads") int threads, @RequestParam("events") int events) throws Exception {
        return Map.of("per_second", probes.appendedEventsPerSecond(threads, events));
    }

}
