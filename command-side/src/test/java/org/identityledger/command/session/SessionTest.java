package org.identityledger.command.session;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomMatcher;
import org.hamcrest.Matcher;
import org.identityledger.events.session.RefreshTokenRotatedEvent;
import org.identityledger.events.session.SessionRevocationReason;
import org.identityledger.events.session.SessionRevokedEvent;
import org.identityledger.events.session.SessionStartedEvent;
import org.identityledger.events.session.SessionContext;
import org.identityledger.events.session.SessionTransport;
import org.identityledger.events.account.AccountState;
import org.identityledger.command.account.AccountSuspendedException;
import org.identityledger.command.account.InvalidCredentialsException;
import org.identityledger.command.account.SignInEligibility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

class SessionTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant EXPIRES = NOW.plus(Duration.ofHours(12));
    private static final Duration IDLE = Duration.ofMinutes(30);

    private AggregateTestFixture<Session> fixture;
    /** Credential version 1 is current for acc_1 unless a test says otherwise. */
    private final StubGuard guard = new StubGuard();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Session.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(guard);
    }

    private static SessionStartedEvent started() {
        return new SessionStartedEvent("ses_1", "acc_1", SessionTransport.BROWSER, "secret-hash", "Firefox",
                NOW.minusSeconds(10), EXPIRES, IDLE, SessionContext.CUSTOMER, null);
    }

    @Test
    void canStartABrowserSessionRecordingOnlyTheSecretHash() {
        fixture.givenNoPriorActivity()
                .when(new StartSessionCommand("ses_1", "acc_1", 1L, SessionTransport.BROWSER, "secret-hash", "Firefox",
                        NOW.minusSeconds(10), EXPIRES, IDLE, SessionScope.customer()))
                .expectEvents(started());
    }

    @Test
    void cannotStartASessionForACredentialReplacedSinceItWasChecked() {
        guard.currentVersion = 2;
        fixture.givenNoPriorActivity()
                .when(new StartSessionCommand("ses_1", "acc_1", 1L, SessionTransport.NATIVE, "secret-hash", "iPhone",
                        NOW.minusSeconds(10), EXPIRES, IDLE, SessionScope.customer()))
                .expectNoEvents()
                .expectException(InvalidCredentialsException.class);
    }

    @Test
    void cannotStartASessionForASuspendedAccount() {
        guard.state = AccountState.SUSPENDED;
        fixture.givenNoPriorActivity()
                .when(new StartSessionCommand("ses_1", "acc_1", 1L, SessionTransport.BROWSER, "secret-hash", "Firefox",
                        NOW.minusSeconds(10), EXPIRES, IDLE, SessionScope.customer()))
                .expectNoEvents()
                .expectException(AccountSuspendedException.class);
    }

    @Test
    void aSpentRefreshTokenPresentedOutOfPlaceEndsTheSession() {
        fixture.given(nativeStarted(), new RefreshTokenRotatedEvent("ses_1", "acc_1", "refresh-0", "refresh-1", 1, NOW.minusSeconds(5)))
                .when(new RejectMisplacedRefreshTokenCommand("ses_1", "refresh-0"))
                .expectEvents(new SessionRevokedEvent("ses_1", "acc_1", SessionRevocationReason.REFRESH_TOKEN_REUSED, NOW));
    }

    @Test
    void theCurrentRefreshTokenPresentedOutOfPlaceIsOnlyRefused() {
        fixture.given(nativeStarted(), new RefreshTokenRotatedEvent("ses_1", "acc_1", "refresh-0", "refresh-1", 1, NOW.minusSeconds(5)))
                .when(new RejectMisplacedRefreshTokenCommand("ses_1", "refresh-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    private static final class StubGuard implements SessionStartGuard {

        private long currentVersion = 1;
        private AccountState state = AccountState.ACTIVE;

        @Override
        public void confirm(String accountRef, long credentialVersion, SessionScope scope) {
            SignInEligibility.require(state);
            if (credentialVersion != currentVersion) {
                throw new InvalidCredentialsException();
            }
        }
    }

    @Test
    void cannotStartASessionThatExpiresBeforeItStarts() {
        fixture.givenNoPriorActivity()
                .when(new StartSessionCommand("ses_1", "acc_1", 1L, SessionTransport.BROWSER, "secret-hash", null,
                        NOW, NOW, IDLE, SessionScope.customer()))
                .expectNoEvents()
                .expectException(IllegalArgumentException.class);
    }

    private static Matcher<Object> outcome(RefreshOutcome expected) {
        return new CustomMatcher<>("a refresh result with outcome " + expected) {
            @Override
            public boolean matches(Object item) {
                return item instanceof RefreshResult result && result.outcome() == expected;
            }
        };
    }

    private static SessionStartedEvent nativeStarted() {
        return new SessionStartedEvent("ses_1", "acc_1", SessionTransport.NATIVE, "refresh-0", "iPhone",
                NOW.minusSeconds(10), NOW.plus(Duration.ofDays(30)), Duration.ofDays(14), SessionContext.CUSTOMER, null);
    }

    @Test
    void canRotateTheCurrentRefreshToken() {
        fixture.given(nativeStarted())
                .when(new RefreshSessionCommand("ses_1", "refresh-0", "refresh-1"))
                .expectResultMessagePayloadMatching(outcome(RefreshOutcome.ROTATED))
                .expectEvents(new RefreshTokenRotatedEvent("ses_1", "acc_1", "refresh-0", "refresh-1", 1, NOW));
    }

    @Test
    void presentingASpentRefreshTokenRevokesTheWholeSession() {
        fixture.given(nativeStarted(), new RefreshTokenRotatedEvent("ses_1", "acc_1", "refresh-0", "refresh-1", 1, NOW))
                .when(new RefreshSessionCommand("ses_1", "refresh-0", "refresh-2"))
                .expectResultMessagePayloadMatching(outcome(RefreshOutcome.REUSED))
                .expectEvents(new SessionRevokedEvent("ses_1", "acc_1", SessionRevocationReason.REFRESH_TOKEN_REUSED, NOW));
    }

    @Test
    void cannotRefreshARevokedSession() {
        fixture.given(nativeStarted(), new SessionRevokedEvent("ses_1", "acc_1", SessionRevocationReason.LOGOUT, NOW))
                .when(new RefreshSessionCommand("ses_1", "refresh-0", "refresh-1"))
                .expectResultMessagePayloadMatching(outcome(RefreshOutcome.REVOKED))
                .expectNoEvents();
    }

    @Test
    void aSpentTokenOfAnAlreadyRevokedSessionIsStillReportedAsReuse() {
        fixture.given(nativeStarted(), new RefreshTokenRotatedEvent("ses_1", "acc_1", "refresh-0", "refresh-1", 1, NOW),
                        new SessionRevokedEvent("ses_1", "acc_1", SessionRevocationReason.REFRESH_TOKEN_REUSED, NOW))
                .when(new RefreshSessionCommand("ses_1", "refresh-0", "refresh-2"))
                .expectResultMessagePayloadMatching(outcome(RefreshOutcome.REUSED))
                .expectNoEvents();
    }

    @Test
    void cannotRefreshPastTheAbsoluteLifetime() {
        fixture.given(new SessionStartedEvent("ses_1", "acc_1", SessionTransport.NATIVE, "refresh-0", null,
                        NOW.minus(Duration.ofDays(30)), NOW, Duration.ofDays(60), SessionContext.CUSTOMER, null))
                .when(new RefreshSessionCommand("ses_1", "refresh-0", "refresh-1"))
                .expectResultMessagePayloadMatching(outcome(RefreshOutcome.EXPIRED))
                .expectNoEvents();
    }

    @Test
    void cannotRefreshAfterTheInactivityLimit() {
        fixture.given(new SessionStartedEvent("ses_1", "acc_1", SessionTransport.NATIVE, "refresh-0", null,
                        NOW.minus(Duration.ofDays(15)), NOW.plus(Duration.ofDays(15)), Duration.ofDays(14), SessionContext.CUSTOMER, null))
                .when(new RefreshSessionCommand("ses_1", "refresh-0", "refresh-1"))
                .expectResultMessagePayloadMatching(outcome(RefreshOutcome.EXPIRED))
                .expectNoEvents();
    }

    @Test
    void aBrowserSessionHasNoRefreshTokens() {
        fixture.given(started())
                .when(new RefreshSessionCommand("ses_1", "secret-hash", "refresh-1"))
                .expectResultMessagePayloadMatching(outcome(RefreshOutcome.REVOKED))
                .expectNoEvents();
    }

    @Test
    void canRevokeALiveSessionOnLogout() {
        fixture.given(started())
                .when(new RevokeSessionCommand("ses_1", SessionRevocationReason.LOGOUT))
                .expectEvents(new SessionRevokedEvent("ses_1", "acc_1", SessionRevocationReason.LOGOUT, NOW));
    }

    @Test
    void revokingARevokedSessionChangesNothing() {
        fixture.given(started(), new SessionRevokedEvent("ses_1", "acc_1", SessionRevocationReason.LOGOUT, NOW))
                .when(new RevokeSessionCommand("ses_1", SessionRevocationReason.LOGOUT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
