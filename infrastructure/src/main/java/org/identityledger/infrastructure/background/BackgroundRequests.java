package org.identityledger.infrastructure.background;

import org.identityledger.command.port.BackgroundWork;
import org.identityledger.command.port.MailBackloggedException;
import org.identityledger.infrastructure.mail.MailOutbox;
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
 * or may not exist) off the request thread, on a small bounded pool. Each of them ends in a mail, so
 * a request is accepted only while both this queue and the mail outbox have room: otherwise
 * {@link MailBackloggedException} answers 503 now, instead of answering 202 and dropping the work.
 */
@Component
public class BackgroundRequests implements BackgroundWork, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BackgroundRequests.class);

    private final MailOutbox outbox;
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1_000), runnable -> {
                Thread thread = new Thread(runnable, "background-request");
                thread.setDaemon(true);
                return thread;
            });

    public BackgroundRequests(MailOutbox outbox) {
        this.outbox = outbox;
    }

    /** Throws {@link MailBackloggedException} when the work cannot be accepted. */
    @Override
    public void submit(Runnable work) {
        outbox.checkRoom();
        try {
            executor.execute(() -> {
                try {
                    MailOutbox.addForAcceptedRequest(work);
                } catch (RuntimeException failure) {
                    log.error("Accepted background request failed: {}", failure.toString());
                }
            });
        } catch (RejectedExecutionException overloaded) {
            throw new MailBackloggedException();
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            // Accepted work that did not finish in time must at least be visible.
            log.error("Shut down with {} accepted background request(s) not run", executor.getQueue().size());
        }
    }
}
