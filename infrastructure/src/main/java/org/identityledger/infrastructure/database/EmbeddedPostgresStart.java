package org.identityledger.infrastructure.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.identityledger.infrastructure.config.IdentityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The embedded PostgreSQL's start, begun on a thread of its own as soon as the settings are known
 * ({@link EmbeddedPostgresEarlyStart}) and awaited by the first bean that needs the database. Its
 * second or so (initdb on a fresh data directory, then the postmaster's start) is spent mostly in
 * other processes and in waiting, so it overlaps the Spring context's own preparation instead of
 * following it. The data directory's lock is still taken before anything in the directory is
 * touched, on the same thread, and a failure (the directory in use, the port taken) is thrown to
 * the bean that awaits it, as if the start had happened there.
 *
 * <p>This object owns the running database and its lock and is destroyed after every bean (it is
 * registered before any of them), so everything that still writes at shutdown has written; if the
 * context fails before it awaited the start, destroying it still stops the database it began.
 */
public final class EmbeddedPostgresStart implements DisposableBean {

    static final String BEAN_NAME = "embeddedPostgresStart";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresStart.class);

    /** The lock and the database it guards, once both are up. */
    public record Running(DataDirectoryLock lock, EmbeddedPostgres postgres) {
    }

    private CompletableFuture<Running> running;
    private boolean destroyed;

    /** Begins the start on its own thread, with the settings as bound before validation. */
    synchronized void beginInBackground(IdentityProperties settings) {
        if (running != null) {
            return;
        }
        CompletableFuture<Running> future = new CompletableFuture<>();
        running = future;
        Thread thread = new Thread(() -> startInto(future, settings), "embedded-postgres-start");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The running database; starts it here, with the validated settings, when nothing began it
     * early (settings the early start found unusable are refused before this is called).
     */
    public Running await(IdentityProperties settings) {
        CompletableFuture<Running> future;
        boolean startHere = false;
        synchronized (this) {
            if (running == null) {
                running = new CompletableFuture<>();
                startHere = true;
            }
            future = running;
        }
        if (startHere) {
            startInto(future, settings);
        }
        try {
            return future.join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
    }

    /** Stops the database this began, waiting for a start still under way. */
    @Override
    public void destroy() throws IOException {
        CompletableFuture<Running> future;
        synchronized (this) {
            future = running;
            if (future == null || destroyed) {
                return;
            }
            destroyed = true;
        }
        Running started;
        try {
            started = future.join();
        } catch (CompletionException failed) {
            return;
        }
        try {
            started.postgres().close();
        } finally {
            started.lock().close();
        }
    }

    private static void startInto(CompletableFuture<Running> future, IdentityProperties settings) {
        try {
            future.complete(start(settings));
        } catch (RuntimeException | Error failure) {
            future.completeExceptionally(failure);
        }
    }

    private static Running start(IdentityProperties settings) {
        DataDirectoryLock lock = DataDirectoryLock.acquire(settings.getDataDir().toAbsolutePath().normalize());
        try {
            return new Running(lock, startPostgres(settings));
        } catch (RuntimeException | Error failure) {
            try {
                lock.close();
            } catch (IOException closing) {
                failure.addSuppressed(closing);
            }
            throw failure;
        }
    }

    private static EmbeddedPostgres startPostgres(IdentityProperties settings) {
        Path dataDirectory = settings.getDataDir().resolve("postgres").toAbsolutePath().normalize();
        try {
            Files.createDirectories(dataDirectory);
            // Safe only because this instance holds the data directory's lock: a running postmaster here
            // cannot belong to a live instance, so it is an orphan of a killed one.
            OrphanedPostmaster.stopIfRunning(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // Stopped by this object's destruction, after everything that still writes at shutdown
                    // (the ledger checkpoint): zonky's own JVM hook would stop it while Spring is closing.
                    .setRegisterShutdownHook(false)
                    // The ledger's acknowledgements must survive a crash of the database and of the machine:
                    // zonky starts PostgreSQL with -F (fsync off, fine for a throwaway test database), which
                    // would let a commit acknowledged here vanish with the operating system's page cache.
                    // A -c setting after it wins.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "200");
            if (settings.getEmbeddedPostgres().getPort() > 0) {
                builder.setPort(settings.getEmbeddedPostgres().getPort());
            }
            EmbeddedPostgres postgres = builder.start();
            log.info("Embedded PostgreSQL is up on port {} with data in {}", postgres.getPort(), dataDirectory);
            return postgres;
        } catch (IOException failure) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dataDirectory, failure);
        }
    }
}
