package org.identityledger.command.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
        tokens.remember("hash-1", owner);

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

        remembering.remember("hash-1", owner);
        forgetting.remember("hash-1", owner);

        assertThat(remembering.ownerOf("hash-1")).contains(owner);
        assertThat(remembering.ownerOf("hash-2")).isEmpty();
        assertThat(forgetting.ownerOf("hash-1")).isEmpty();
    }
}
