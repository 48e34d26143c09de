package org.identityledger.command.session;

import java.time.Duration;

/**
 * Session lifetimes per transport: an absolute cap and an inactivity limit (for native sessions,
 * inactivity means no refresh); and how many live sessions one account may hold at once.
 */
public record SessionSettings(Duration browserAbsoluteLifetime, Duration browserIdleTimeout,
                              Duration nativeAbsoluteLifetime, Duration nativeIdleTimeout, int maxLivePerAccount) {
}
