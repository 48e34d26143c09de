package org.identityledger.command.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecentRefreshTokensTest {

    /** Only millis() is read: the cache ages its entries by the clock the purge uses. */
    private final Clock clock = mock(Clock.class);
    private long now = Instant.parse("2026-12-06T12:00:00Z").toEpochMilli();

    @BeforeEach
    void readTheClockFromNow() {
        when(clock.millis()).thenAnswer(invocation -> now);
    }

    @Test
    void anOwnerIsRememberedForLessThanThePurgeKeepsTheLookupOfAnEndedSession() {
        assertThat(RecentRefreshTokens.lifetimeWithin(Duration.ofDays(1))).isEqualTo(Duration.ofMinutes(10));
        assertThat(RecentRefreshTokens.lifetimeWithin(Duration.ofMinutes(6))).isEqualTo(Duration.ofMinutes(3));
        assertThat(RecentRefreshTokens.lifetimeWithin(Duration.ZERO)).isEqualTo(Duration.ZERO);
    }

    @Test
    void forgetsAnOwnerOnceItsLifetimeHasPassedOnTheClockThePurgeUses() {
        RecentRefreshTokens tokens = new RecentRefreshTokens(10, Duration.ofMinutes(10), clock);
        SessionLookup.RefreshTokenOwner owner = new SessionLookup.RefreshTokenOwner("session-1", "account-1");
        tokens.rotated("hash-0", "hash-1", owner);

        now += Duration.ofMinutes(9).toMillis();
        assertThat(tokens.ownerOf("hash-1")).contains(owner);
        now += Duration.ofMinutes(2).toMillis();
        assertThat(tokens.ownerOf("hash-1")).isEmpty();
    }

    @Test
    void remembersOnlyWhatItWasToldAndForgetsWhenItsLifetimeIsZero() {
        RecentRefreshTokens remembering = new RecentRefreshTokens(10, Duration.ofMinutes(1), clock);
        RecentRefreshTokens forgetting = new RecentRefreshTokens(10, Duration.ZERO, clock);
        SessionLookup.RefreshTokenOwner owner = new SessionLookup.RefreshTokenOwner("session-1", "account-1");

        remembering.rotated("hash-0", "hash-1", owner);
        forgetting.rotated("hash-0", "hash-1", owner);

        assertThat(remembering.ownerOf("hash-1")).contains(owner);
        assertThat(remembering.ownerOf("hash-2")).isEmpty();
        assertThat(forgetting.ownerOf("hash-1")).isEmpty();
    }

    @Test
    void tokensInUseStayRememberedHoweverManyRotationsCameBefore() {
        // Clients refreshing in turn, each token presented again after 500 others, for 20 times the
        // cache's size: spent tokens must not crowd out the current ones (they did once 1,000 were kept).
        RecentRefreshTokens tokens = new RecentRefreshTokens(1_000, Duration.ofMinutes(10), clock);
        SessionLookup.RefreshTokenOwner owner = new SessionLookup.RefreshTokenOwner("session-1", "account-1");
        Deque<String> inUse = new ArrayDeque<>();
        int issued = 0;
        for (; issued < 500; issued++) {
            tokens.rotated("seed-" + issued, "hash-" + issued, owner);
            inUse.add("hash-" + issued);
        }
        int forgotten = 0;
        for (int rotation = 0; rotation < 20_000; rotation++) {
            String presented = inUse.remove();
            if (tokens.ownerOf(presented).isEmpty()) {
                forgotten++;
            }
            String next = "hash-" + issued++;
            tokens.rotated(presented, next, owner);
            inUse.add(next);
        }
        assertThat(forgotten).isZero();
    }

    @Test
    void aRefusedTokenIsForgotten() {
        RecentRefreshTokens tokens = new RecentRefreshTokens(10, Duration.ofMinutes(10), clock);
        SessionLookup.RefreshTokenOwner owner = new SessionLookup.RefreshTokenOwner("session-1", "account-1");
        tokens.rotated("hash-0", "hash-1", owner);

        tokens.forget("hash-1");

        assertThat(tokens.ownerOf("hash-1")).isEmpty();
        assertThat(tokens.ownerOf("hash-0")).isEmpty();
    }
}
