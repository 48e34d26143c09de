package org.identityledger.command.session;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.identityledger.events.session.SessionRevocationReason;
import org.identityledger.events.session.SessionRevokedEvent;
import org.identityledger.events.session.SessionStartedEvent;
import org.identityledger.events.session.SessionTransport;
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

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Session.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static SessionStartedEvent started() {
        return new SessionStartedEvent("ses_1", "acc_1", SessionTransport.BROWSER, "secret-hash", "Firefox",
                NOW.minusSeconds(10), EXPIRES, IDLE);
    }

    @Test
    void canStartABrowserSessionRecordingOnlyTheSecretHash() {
        fixture.givenNoPriorActivity()
                .when(new StartSessionCommand("ses_1", "acc_1", SessionTransport.BROWSER, "secret-hash", "Firefox",
                        NOW.minusSeconds(10), EXPIRES, IDLE))
                .expectEvents(started());
    }

    @Test
    void cannotStartASessionThatExpiresBeforeItStarts() {
        fixture.givenNoPriorActivity()
                .when(new StartSessionCommand("ses_1", "acc_1", SessionTransport.BROWSER, "secret-hash", null,
                        NOW, NOW, IDLE))
                .expectNoEvents()
                .expectException(IllegalArgumentException.class);
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
