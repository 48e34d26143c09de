package org.identityledger.web;

import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Eight writers insert events as fast as they can, each transaction holding one to three events
 * and a third of them rolled back at random, some after a pause (so later positions commit first),
 * while the sealer runs. Afterwards the chain holds every committed event exactly once, in position
 * order, and none that was rolled back. CI runs it for 8 s; {@code -Dledger.sealing.seconds=60} runs
 * the full minute (recorded in BENCHMARKS.md), and bench/run measures what the sealer costs writes.
 */
class LedgerSealingUnderLoadTest extends IntegrationTest {

    private static final int WRITERS = 8;
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("ledger.sealing.seconds", 8));

    @Autowired
    private DataSource dataSource;

    @Test
    void everyCommittedEventIsSealedOnceInOrderAndNoRolledBackOne() throws Exception {
        Set<Long> committed = ConcurrentHashMap.newKeySet();
        Set<Long> rolledBack = ConcurrentHashMap.newKeySet();
        long start = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
        long deadline = System.nanoTime() + RUN.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> writers = new ArrayList<>();
        for (int writer = 0; writer < WRITERS; writer++) {
            writers.add(pool.submit(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    connection.setAutoCommit(false);
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (System.nanoTime() < deadline) {
                        List<Long> positions = new ArrayList<>();
                        for (int event = 0, events = 1 + random.nextInt(3); event < events; event++) {
                            positions.add(insert(connection));
                        }
                        if (random.nextInt(5) == 0) {
                            Thread.sleep(random.nextInt(200));
                        }
                        if (random.nextInt(3) == 0) {
                            connection.rollback();
                            rolledBack.addAll(positions);
                        } else {
                            connection.commit();
                            committed.addAll(positions);
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> writer : writers) {
            writer.get();
        }
        pool.shutdown();
        long end = committed.stream().mapToLong(Long::longValue).max().orElseThrow();
        long writesEnded = System.nanoTime();

        await().atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.queryForObject("SELECT coalesce(max(position), 0) FROM ledger_chain", Long.class) >= end);

        List<Long> sealed = jdbc.queryForList("SELECT position FROM ledger_chain WHERE position > ? AND position <= ? ORDER BY position",
                Long.class, start, end);
        List<Long> probes = jdbc.queryForList("SELECT global_index FROM domain_event_entry WHERE global_index > ? AND global_index <= ?"
                + " ORDER BY global_index", Long.class, start, end);
        assertThat(sealed).as("every committed event in the range, once, in order").isEqualTo(probes);
        assertThat(sealed).containsAll(committed).doesNotContainAnyElementsOf(rolledBack);
        assertThat(rolledBack).isNotEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_chain c JOIN ledger_chain n ON n.prev_hash = c.hash"
                + " WHERE c.position > ? AND c.position < ?", Long.class, start, end))
                .as("each sealed event links to the next one sealed").isEqualTo(sealed.size() - 1L);
        System.out.println("sealing under load: " + committed.size() + " committed, " + rolledBack.size() + " rolled back; the chain"
                + " reached the last commit " + (System.nanoTime() - writesEnded) / 1_000_000 + " ms after the writes ended");
    }

    private static long insert(Connection connection) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO domain_event_entry (event_identifier,"
                + " aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)"
                + " VALUES (?, ?, 0, 'Probe', '2026-11-24T00:00:00Z', 'org.identityledger.test.LoadProbe', null, ?, '{}'::bytea)"
                + " RETURNING global_index")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, "load-" + UUID.randomUUID());
            insert.setBytes(3, "{}".getBytes(StandardCharsets.UTF_8));
            try (ResultSet result = insert.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
