package org.identityledger.command.port;

/** The abuse limits: a request spends a token of a limit's bucket for a key, or is refused. */
public interface RateLimits {

    /** @throws RateLimitedException when the key's bucket is empty */
    void consume(LimitName name, String key);

    /** Gives back a token spent on something that turned out not to count (a login that succeeded). */
    void refund(LimitName name, String key);
}
