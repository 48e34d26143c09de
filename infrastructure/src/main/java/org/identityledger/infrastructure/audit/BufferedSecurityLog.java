package org.identityledger.infrastructure.audit;

import org.identityledger.command.port.SecurityLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Appends security-log entries from a bounded buffer on a thread of its own, in batches. A request
 * only offers its entry: when the buffer is full (the database slow or down, or a flood of refusals)
 * the entry is dropped and counted ({@link #dropped()}, logged once a minute at most), so the log can
 * never slow, block or fail a request. A batch the database refuses is dropped the same way.
 */
@Component
class BufferedSecurityLog implements SecurityLog, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BufferedSecurityLog.class);
    static final int CAPACITY = 10_000;
    private static final int BATCH = 500;
    private static final int DETAIL_MAX = 500;

    private final BlockingQueue<Timed> buffer = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Thread writer;
    private volatile long lastDropWarning;

    BufferedSecurityLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.writer = new Thread(this::write, "security-log");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void record(Entry entry) {
        if (!buffer.offer(new Timed(clock.instant(), entry))) {
            drop(1);
        }
    }

    long dropped() {
        return dropped.get();
    }

    private void write() {
        List<Timed> batch = new ArrayList<>(BATCH);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Timed first = buffer.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                buffer.drainTo(batch, BATCH - 1);
                insert(batch);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException failure) {
                drop(batch.size());
                log.warn("Security log batch of {} dropped: {}", batch.size(), failure.toString());
            } finally {
                batch.clear();
            }
        }
    }

    private void insert(List<Timed> batch) {
        jdbc.batchUpdate("INSERT INTO security_log (at, type, account_ref, actor_ref, ip, detail) VALUES (?, ?, ?, ?, ?, ?)",
                batch, batch.size(), (statement, timed) -> {
                    Entry entry = timed.entry();
                    statement.setTimestamp(1, Timestamp.from(timed.at()));
                    statement.setString(2, entry.type());
                    statement.setString(3, entry.accountRef());
                    statement.setString(4, entry.actorRef());
                    statement.setString(5, entry.ip() == null ? "unknown" : entry.ip());
                    String detail = entry.detail() == null ? "" : entry.detail();
                    statement.setString(6, detail.length() > DETAIL_MAX ? detail.substring(0, DETAIL_MAX) : detail);
                });
    }

    private void drop(int count) {
        long total = dropped.addAndGet(count);
        long now = System.nanoTime();
        if (now - lastDropWarning > TimeUnit.MINUTES.toNanos(1)) {
            lastDropWarning = now;
            log.warn("Security log entries dropped so far: {} (buffer of {} full or database refusing)", total, CAPACITY);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        writer.interrupt();
        writer.join(TimeUnit.SECONDS.toMillis(5));
    }

    private record Timed(Instant at, Entry entry) {
    }
}
