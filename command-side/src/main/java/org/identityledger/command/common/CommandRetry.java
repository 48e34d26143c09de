package org.identityledger.command.common;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Sends a command and retries it when another instance appended to the same aggregate first. Inside
 * one JVM Axon serialises commands per aggregate with a lock; across instances the event store's
 * (aggregate, sequence) uniqueness is the arbiter and the loser simply decides again on fresh state.
 */
public final class CommandRetry {

    private static final int ATTEMPTS = 5;

    private CommandRetry() {
    }

    public static <R> R sendAndWait(CommandGateway commandGateway, Object command) {
        ConcurrencyException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return commandGateway.sendAndWait(command);
            } catch (ConcurrencyException conflict) {
                last = conflict;
            } catch (RuntimeException failure) {
                throw DomainExceptions.unwrap(failure);
            }
        }
        throw last;
    }
}
