package org.identityledger.web.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The security counters an operator alerts on: password sign-ins by outcome
 * ({@code ledger_logins_total{outcome}}: success, or the refusal's code in lower case), refresh-token
 * reuse detections ({@code ledger_refresh_reuse_total}) and rate-limit hits
 * ({@code ledger_rate_limit_hits_total}). Outcomes come from the contract's codes: a bounded set.
 */
@Component
public class LoginMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> logins = new ConcurrentHashMap<>();
    private final Counter refreshReuse;
    private final Counter rateLimitHits;

    public LoginMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.refreshReuse = Counter.builder("ledger.refresh.reuse").description("Spent refresh tokens presented again")
                .register(registry);
        this.rateLimitHits = Counter.builder("ledger.rate.limit.hits").description("Requests refused by a rate limit")
                .register(registry);
        count("success", 0);
    }

    void count(String outcome) {
        count(outcome, 1);
    }

    private void count(String outcome, int amount) {
        logins.computeIfAbsent(outcome, name -> Counter.builder("ledger.logins").tag("outcome", name)
                .description("Password sign-ins by outcome").register(registry)).increment(amount);
    }

    /** Called for every refusal the service answers, with its code. */
    void refused(String code) {
        if (code.equals("REFRESH_TOKEN_REUSED")) {
            refreshReuse.increment();
        } else if (code.equals("RATE_LIMITED")) {
            rateLimitHits.increment();
        }
    }
}
