package org.identityledger.infrastructure.runtime;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FatalErrorHandlerTest {

    @Test
    void anOutOfMemoryErrorThatKillsAThreadHaltsTheProcess() {
        List<Integer> halts = new ArrayList<>();
        List<Throwable> passedOn = new ArrayList<>();
        FatalErrorHandler handler = new FatalErrorHandler((thread, failure) -> passedOn.add(failure), halts::add);

        handler.uncaughtException(new Thread("http-nio-8080-Acceptor"), new OutOfMemoryError("Java heap space"));

        assertThat(halts).containsExactly(FatalErrorHandler.EXIT_STATUS);
        assertThat(passedOn).isEmpty();
    }

    @Test
    void anOrdinaryFailureInAThreadDoesNotHaltTheProcess() {
        List<Integer> halts = new ArrayList<>();
        List<Throwable> passedOn = new ArrayList<>();
        FatalErrorHandler handler = new FatalErrorHandler((thread, failure) -> passedOn.add(failure), halts::add);

        handler.uncaughtException(new Thread("worker"), new IllegalStateException("a bug, not a broken JVM"));

        assertThat(halts).isEmpty();
        assertThat(passedOn).hasSize(1);
    }
}
