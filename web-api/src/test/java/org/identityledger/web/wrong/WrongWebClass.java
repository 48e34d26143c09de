package org.identityledger.web.wrong;

import org.identityledger.infrastructure.abuse.RateLimiter;

/** A deliberately wrong web class (test only): it imports an infrastructure internal instead of a port. */
public final class WrongWebClass {

    private final RateLimiter rateLimiter;

    public WrongWebClass(RateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
    }

    public RateLimiter rateLimiter() {
        return rateLimiter;
    }
}
