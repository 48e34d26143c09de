package org.identityledger.command.account;

import org.identityledger.command.common.Secrets;

import java.util.ArrayDeque;
import java.util.Deque;

/** Predictable secrets for aggregate tests: "token-1", "token-2", ... hashed as "hash-of-token-N". */
final class FixedSecrets implements Secrets {

    private final Deque<String> issued = new ArrayDeque<>();
    private int counter;

    @Override
    public IssuedSecret issue() {
        String raw = "token-" + (++counter);
        issued.add(raw);
        return new IssuedSecret(raw, hash(raw));
    }

    @Override
    public String hash(String rawSecret) {
        return "hash-of-" + rawSecret;
    }
}
