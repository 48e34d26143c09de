package org.identityledger.infrastructure.config;

import org.identityledger.infrastructure.config.SnapshotConfiguration.SnapshotThread;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotConfigurationTest {

    private final SnapshotThread snapshotThread = new SnapshotConfiguration().snapshotThread();

    @AfterEach
    void close() {
        snapshotThread.close();
    }

    @Test
    void aSnapshotIsTakenOnTheSnapshotThreadNotTheCallers() throws Exception {
        CompletableFuture<String> takenOn = new CompletableFuture<>();
        snapshotThread.executor().execute(() -> takenOn.complete(Thread.currentThread().getName()));

        assertThat(takenOn.get(5, TimeUnit.SECONDS)).isEqualTo("snapshots");
    }

    @Test
    void aFullQueueMakesTheCallerTakeTheSnapshotInsteadOfDroppingIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        snapshotThread.executor().execute(() -> awaitQuietly(release));
        for (int queued = 0; queued < SnapshotConfiguration.QUEUED_SNAPSHOTS; queued++) {
            snapshotThread.executor().execute(() -> { });
        }
        AtomicReference<String> takenOn = new AtomicReference<>();

        snapshotThread.executor().execute(() -> takenOn.set(Thread.currentThread().getName()));

        // Ran before execute returned, on this thread: Axon counts a dropped task as a snapshot still in
        // progress and would never schedule one for that aggregate again.
        assertThat(takenOn.get()).isEqualTo(Thread.currentThread().getName());
        release.countDown();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
