package org.identityledger.infrastructure.runtime;

import com.sun.jna.Platform;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class CompilerThreadConfinementTest {

    @Test
    void theCompilerThreadsLeaveOneCpuToTheStartAndGetItBackWhenTheServiceIsReady() throws Exception {
        assumeTrue(Platform.isLinux() && CompilerThreadConfinement.countBits(CompilerThreadConfinement.Affinity.of(0)) >= 2,
                "confinement needs Linux and two CPUs");
        byte[] processMask = CompilerThreadConfinement.Affinity.of(0);
        int firstCpu = CompilerThreadConfinement.firstSetBit(processMask);

        CompilerThreadConfinement confinement = CompilerThreadConfinement.confine();
        Map<Integer, byte[]> confined = confinement.confinedThreads();

        assertThat(confined.keySet()).containsExactlyInAnyOrderElementsOf(CompilerThreadConfinement.compilerThreads()).isNotEmpty();
        for (int thread : confined.keySet()) {
            byte[] now = CompilerThreadConfinement.Affinity.of(thread);
            assertThat(CompilerThreadConfinement.onCpu(now, firstCpu)).as("thread %d on CPU %d", thread, firstCpu).isFalse();
            assertThat(CompilerThreadConfinement.countBits(now)).isEqualTo(CompilerThreadConfinement.countBits(processMask) - 1);
        }

        new ReleaseCompilerThreadsWhenStarted(confinement)
                .onApplicationEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0], null, Duration.ZERO));

        for (Map.Entry<Integer, byte[]> thread : confined.entrySet()) {
            assertThat(CompilerThreadConfinement.Affinity.of(thread.getKey())).isEqualTo(thread.getValue());
        }
        assertThat(confinement.confinedThreads()).isEmpty();
    }

    @Test
    void releasingTwiceChangesNothing() throws Exception {
        CompilerThreadConfinement confinement = CompilerThreadConfinement.confine();
        confinement.release();
        confinement.release();

        assertThat(confinement.confinedThreads()).isEmpty();
    }
}
