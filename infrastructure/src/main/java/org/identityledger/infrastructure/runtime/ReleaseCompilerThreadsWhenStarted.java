package org.identityledger.infrastructure.runtime;

import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;

/**
 * Ends the start's {@link CompilerThreadConfinement} when the service is ready (or its start failed),
 * so the request path is compiled on every CPU from the first request on.
 */
public final class ReleaseCompilerThreadsWhenStarted implements ApplicationListener<SpringApplicationEvent> {

    private final CompilerThreadConfinement confinement;

    public ReleaseCompilerThreadsWhenStarted(CompilerThreadConfinement confinement) {
        this.confinement = confinement;
    }

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationReadyEvent || event instanceof ApplicationFailedEvent) {
            confinement.release();
        }
    }
}
