package org.identityledger.command.port;

import org.identityledger.command.common.DomainException;

/** Too many requests for one key; answered 429 RATE_LIMITED with Retry-After. */
public class RateLimitedException extends DomainException {

    private final long retryAfterSeconds;

    public RateLimitedException(long retryAfterSeconds) {
        super("RATE_LIMITED", "Too many requests; try again in " + retryAfterSeconds + " seconds.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
