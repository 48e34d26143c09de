package org.identityledger.command.port;

import org.identityledger.command.common.DomainException;

/** A rebuild of this projection is already running, on this instance or another (it holds the advisory lock). */
public class RebuildInProgressException extends DomainException {

    public RebuildInProgressException(String name) {
        super("REBUILD_IN_PROGRESS", "A rebuild of projection " + name + " is already running.");
    }
}
