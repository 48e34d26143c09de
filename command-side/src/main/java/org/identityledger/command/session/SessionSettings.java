package org.identityledger.command.session;

import java.time.Duration;

/**
 * Session lifetimes per transport: an absolute cap and an inactivity limit (for native sessions,
 * inactivity means no refresh); staff sessions have their own, shorter ones whatever the transport;
 * and how many live sessions one account may hold at once.
 */
public record SessionSettings(Duration browserAbsoluteLifetime, Duration browserIdleTimeout,
                              Duration nativeAbsoluteLifetime, Duration nativeIdleTimeout, int maxLivePerAccount,
                              Duration staffAbsoluteLifetime, Duration staffIdleTimeout) {
}
