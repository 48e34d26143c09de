package org.identityledger.command.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The owner (session and account) of each refresh token this instance issued by rotation in the last
 * few minutes, so that the refresh presenting it next skips the lookup's query: one statement, one
 * round trip and a pooled connection fewer on the hottest write path (the refresh profile, BENCHMARKS.md).
 *
 * <p>Only the owner is remembered, never a verdict. Which session a token hash belongs to never
 * changes once committed (refresh_token_lookup rows are inserted, never updated), so the remembered
 * owner is the one the lookup holds; whether the token is current, spent, revoked or expired is still
 * decided by the session itself, so a spent token presented again is reuse exactly as before. A token
 * is remembered only after its rotation committed, and for less than the purge waits after a session
 * ends (see {@link #lifetimeWithin}), so the lookup row outlives the entry. Should a row be gone all
 * the same (deleted by hand, a clock stepped), {@link RefreshService} asks the lookup again whenever a
 * remembered token is refused: the answer is always the lookup's. Tokens rotated on another
 * instance are simply not here, and that instance's lookup row is found as before.
 */
public class RecentRefreshTokens {

    /** Long enough for a client's next refresh in a busy minute; shorter than any sensible purge delay. */
    static final Duration LONGEST_LIFETIME = Duration.ofMinutes(10);

    private final Cache<String, SessionLookup.RefreshTokenOwner> owners;

    /**
     * Entries age by {@code clock}, the one the purge judges by, so a clock set forward (or a test's
     * clock) ends them no later than it lets the purge delete an ended session's lookup rows.
     */
    public RecentRefreshTokens(long maxEntries, Duration lifetime, Clock clock) {
        this.owners = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(lifetime)
                .ticker(() -> clock.millis() * 1_000_000L).executor(Runnable::run).build();
    }

    /**
     * How long an owner may be remembered: never as long as the purge waits before it deletes an
     * ended session's lookups (expired, idled out or revoked), since the session of a token just
     * rotated was live at that moment.
     */
    public static Duration lifetimeWithin(Duration purgeAfter) {
        Duration half = purgeAfter.dividedBy(2);
        return half.compareTo(LONGEST_LIFETIME) < 0 ? half : LONGEST_LIFETIME;
    }

    Optional<SessionLookup.RefreshTokenOwner> ownerOf(String tokenHash) {
        return Optional.ofNullable(owners.getIfPresent(tokenHash));
    }

    /**
     * A rotation committed: {@code nextHash} is remembered and the spent token forgotten. Keeping a spent
     * token's entry saves nothing (presented again, it is reuse, a rare path that may ask the lookup) and
     * costs a great deal: the cache admits a new entry over an old one only when the new one is used more
     * often, so once it was full of spent tokens, each used once, it turned away the fresh ones, and past
     * 20,000 rotations in its lifetime nearly every refresh asked the lookup again (1 % remembered).
     */
    void rotated(String spentHash, String nextHash, SessionLookup.RefreshTokenOwner owner) {
        owners.invalidate(spentHash);
        owners.put(nextHash, owner);
    }

    /** The token was presented and refused (spent, revoked, expired): its entry is of no further use. */
    void forget(String tokenHash) {
        owners.invalidate(tokenHash);
    }
}
