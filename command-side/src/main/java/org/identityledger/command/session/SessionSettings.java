package org.identityledger.command.session;

import java.time.Duration;

/**
 * Session lifetimes per transport: an absolute cap and an inactivity limit (for native sessions,
 * inactivity means no refresh).
 */
public record SessionSettings(Duration browserAbsoluteLifetime, Duration browserIdleTimeout,
                              Duration nativeAbsoluteLifetime, Duration nativeIdleTimeout) {
}
