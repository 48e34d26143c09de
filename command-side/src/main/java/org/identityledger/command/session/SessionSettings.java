package org.identityledger.command.session;

import java.time.Duration;

/** Lifetimes of browser sessions: an absolute cap and an inactivity limit. */
public record SessionSettings(Duration browserAbsoluteLifetime, Duration browserIdleTimeout) {
}
