package org.identityledger.command.common;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Sends a command and retries it when another instance appended to the same aggregate first. Inside
 * one JVM Axon serialises commands per aggregate with a lock; across instances the event store's
 * (aggregate, sequence) uniqueness is the arbiter and the loser simply decides again on fresh state.
 * A deadlock PostgreSQL broke (40P01), or a serialization failure (40001), is the same kind of
 * conflict: a session start and a password reset lock the account's rows in opposite orders, and
 * the one PostgreSQL aborted decides again, now seeing what the other committed.
 */
public final class CommandRetry {

    private static final int ATTEMPTS = 5;

    private CommandRetry() {
    }

    private static boolean isLockConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    public static <R> R sendAndWait(CommandGateway commandGateway, Object command) {
        ConcurrencyException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return commandGateway.sendAndWait(command);
            } catch (ConcurrencyException conflict) {
                last = conflict;
            } catch (RuntimeException failure) {
                if (!isLockConflict(failure) || attempt == ATTEMPTS - 1) {
                    throw DomainExceptions.unwrap(failure);
                }
            }
        }
        throw last;
    }
}
