package org.identityledger.infrastructure.background;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs requests whose outcome the caller must not learn (reset and resend for an address that may
 * or may not exist) off the request thread, on a small bounded pool: a flood is dropped, not queued
 * without limit.
 */
@Component
public class BackgroundRequests implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BackgroundRequests.class);

    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1_000), runnable -> {
                Thread thread = new Thread(runnable, "background-request");
                thread.setDaemon(true);
                return thread;
            });

    public void submit(Runnable work) {
        try {
            executor.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException failure) {
                    log.warn("Background request failed: {}", failure.toString());
                }
            });
        } catch (RejectedExecutionException overloaded) {
            log.warn("Background request dropped: queue full");
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
