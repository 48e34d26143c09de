package org.identityledger.bench;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.identityledger.command.account.LinkTarget;
import org.identityledger.command.account.RegisterAccountCommand;
import org.identityledger.command.common.Identifiers;
import org.identityledger.command.common.PasswordHasher;
import org.identityledger.command.common.Secrets;
import org.identityledger.command.session.SessionScope;
import org.identityledger.command.session.StartSessionCommand;
import org.identityledger.events.session.RefreshTokenRotatedEvent;
import org.identityledger.events.session.SessionContext;
import org.identityledger.events.session.SessionStartedEvent;
import org.identityledger.events.session.SessionTransport;
import org.identityledger.command.port.AccessTokens;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Baselines and seeding for bench/run. This module is never part of the service's jar: bench/run puts
 * it on the class path of its own service process (Spring Boot's PropertiesLauncher, loader.path),
 * because it creates sessions without passwords. Each baseline is measured
 * in that JVM, on that machine, in the same run as the scenarios it bounds.
 */
@Component
public class BenchmarkProbes {

    public static final String PASSWORD = "bench passphrase that is long enough";

    private final PasswordHasher passwordHasher;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final CommandGateway commandGateway;
    private final Identifiers identifiers;
    private final Secrets secrets;
    private final AccessTokens accessTokens;
    private final EventStorageEngine storageEngine;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public BenchmarkProbes(PasswordHasher passwordHasher, DataSource dataSource, JdbcTemplate jdbc, CommandGateway commandGateway,
                           Identifiers identifiers, Secrets secrets, AccessTokens accessTokens,
                           EventStorageEngine storageEngine, TransactionTemplate transactions, Clock clock) {
        this.passwordHasher = passwordHasher;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.commandGateway = commandGateway;
        this.identifiers = identifiers;
        this.secrets = secrets;
        this.accessTokens = accessTokens;
        this.storageEngine = storageEngine;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Baseline (a): Argon2id verifications per second at the configured cost, on {@code threads} threads. */
    public double argon2VerificationsPerSecond(int threads, Duration duration) throws Exception {
        String hash = passwordHasher.hash(PASSWORD);
        return run(threads, duration, () -> passwordHasher.matches(PASSWORD, hash) ? 1 : 1);
    }

    /** Baseline (c): one short transaction inserting one small row and committing, on {@code connections} pooled connections. */
    public double writeTransactionsPerSecond(int connections, Duration duration) throws Exception {
        jdbc.execute("CREATE TABLE IF NOT EXISTS bench_write (id BIGSERIAL PRIMARY KEY, at TIMESTAMPTZ NOT NULL, payload BYTEA)");
        try {
            return run(connections, duration, () -> {
                try (Connection connection = dataSource.getConnection()) {
                    connection.setAutoCommit(false);
                    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_write (at, payload) VALUES (now(), ?)")) {
                        insert.setBytes(1, new byte[200]);
                        insert.executeUpdate();
                    }
                    connection.commit();
                    return 1;
                } catch (SQLException failure) {
                    throw new IllegalStateException(failure);
                }
            });
        } finally {
            jdbc.execute("DROP TABLE IF EXISTS bench_write");
        }
    }

    /** Accounts with the bench password, and live sessions of both transports spread over them. */
    public Map<String, Object> seed(int accounts, int sessions) throws Exception {
        String hash = passwordHasher.hash(PASSWORD);
        List<String> emails = new ArrayList<>();
        List<String> accountRefs = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            String email = "bench-" + i + "-" + identifiers.newSessionId().substring(4, 10).toLowerCase() + "@example.com";
            String accountRef = identifiers.newAccountRef();
            commandGateway.sendAndWait(new RegisterAccountCommand(accountRef, email, null, hash, new LinkTarget("/", null)));
            emails.add(email);
            accountRefs.add(accountRef);
        }
        List<String> cookies = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> bearers = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> refreshTokens = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicLong next = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int worker = 0; worker < 8; worker++) {
                work.add(pool.submit(() -> {
                    long index;
                    while ((index = next.getAndIncrement()) < sessions) {
                        String accountRef = accountRefs.get((int) (index % accountRefs.size()));
                        boolean browser = index % 2 == 0;
                        Secrets.IssuedSecret secret = secrets.issue();
                        String sessionId = identifiers.newSessionId();
                        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                        commandGateway.sendAndWait(new StartSessionCommand(sessionId, accountRef, 1L,
                                browser ? SessionTransport.BROWSER : SessionTransport.NATIVE, secret.hash(), "bench",
                                now, now.plus(browser ? Duration.ofHours(12) : Duration.ofDays(30)),
                                browser ? Duration.ofMinutes(30) : Duration.ofDays(14), SessionScope.customer()));
                        if (browser) {
                            cookies.add(secret.raw());
                        } else {
                            bearers.add(accessTokens.issue(sessionId, accountRef, "customer", null).token());
                            refreshTokens.add(secret.raw());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> done : work) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return Map.of("emails", emails, "cookies", cookies, "bearers", bearers, "refresh_tokens", refreshTokens);
    }

    /** Event append: one event per transaction (what a command does), on {@code threads} threads. */
    public double appendedEventsPerSecond(int threads, int events) throws Exception {
        AtomicLong remaining = new AtomicLong(events);
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                work.add(pool.submit(() -> {
                    String sessionId = identifiers.newSessionId();
                    String accountRef = identifiers.newAccountRef();
                    long sequence = 0;
                    String previous = secrets.issue().hash();
                    while (remaining.getAndDecrement() > 0) {
                        Instant now = clock.instant();
                        Object payload;
                        if (sequence == 0) {
                            payload = new SessionStartedEvent(sessionId, accountRef, SessionTransport.NATIVE, previous, "bench",
                                    now, now.plus(Duration.ofDays(30)), Duration.ofDays(14), SessionContext.CUSTOMER, null);
                        } else {
                            String nextHash = secrets.issue().hash();
                            payload = new RefreshTokenRotatedEvent(sessionId, accountRef, previous, nextHash, sequence, now);
                            previous = nextHash;
                        }
                        GenericDomainEventMessage<Object> message = new GenericDomainEventMessage<>("Session", sessionId, sequence++, payload);
                        transactions.executeWithoutResult(status -> storageEngine.appendEvents(message));
                    }
                    return null;
                }));
            }
            for (Future<?> done : work) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return events / ((System.nanoTime() - started) / 1e9);
    }

    private static double run(int threads, Duration duration, LongSupplier operation) throws Exception {
        AtomicLong operations = new AtomicLong();
        long deadline = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                work.add(pool.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        operations.addAndGet(operation.getAsLong());
                    }
                    return null;
                }));
            }
            for (Future<?> done : work) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return operations.get() / ((System.nanoTime() - started) / 1e9);
    }
}
