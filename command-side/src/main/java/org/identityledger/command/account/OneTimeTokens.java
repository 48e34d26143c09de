package org.identityledger.command.account;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The outstanding and spent one-time tokens of one purpose, by hash. The redemption rule is the
 * same for verification and reset: spent beats unknown beats expired.
 */
final class OneTimeTokens {

    private final Map<String, Instant> outstanding = new HashMap<>();
    private final Set<String> spent = new HashSet<>();

    void issued(String tokenHash, Instant expiresAt) {
        outstanding.put(tokenHash, expiresAt);
    }

    /** Spends every outstanding token: proving the address (or resetting) once ends all links. */
    void spendAll(String redeemedHash) {
        spent.addAll(outstanding.keySet());
        spent.add(redeemedHash);
        outstanding.clear();
    }

    void checkRedeemable(String tokenHash, Instant now) {
        if (spent.contains(tokenHash)) {
            throw new TokenAlreadyUsedException();
        }
        Instant expiresAt = outstanding.get(tokenHash);
        if (expiresAt == null) {
            throw new TokenInvalidException();
        }
        if (!now.isBefore(expiresAt)) {
            throw new TokenExpiredException();
        }
    }
}
