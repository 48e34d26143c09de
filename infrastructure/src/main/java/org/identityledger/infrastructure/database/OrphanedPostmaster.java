package org.identityledger.infrastructure.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * After a SIGKILL of the service, its embedded PostgreSQL keeps running (it is a separate process)
 * and holds the data directory. This stops such an orphan cleanly, so the next start comes up on
 * the same data instead of failing with "another server might be running".
 */
final class OrphanedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);
    private static final Duration GRACE = Duration.ofSeconds(15);

    private OrphanedPostmaster() {
    }

    static void stopIfRunning(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        Optional<ProcessHandle> orphan = readPid(pidFile).flatMap(ProcessHandle::of).filter(OrphanedPostmaster::isPostgres);
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle postmaster = orphan.get();
        log.warn("Found a PostgreSQL (pid {}) left running on {} by an earlier, killed start; stopping it",
                postmaster.pid(), dataDirectory);
        // SIGTERM is PostgreSQL's "smart" shutdown: its former clients died with the old JVM, so it exits promptly.
        postmaster.destroy();
        if (!waitForExit(postmaster)) {
            log.warn("PostgreSQL pid {} ignored SIGTERM for {}; killing it (crash recovery will replay the WAL)",
                    postmaster.pid(), GRACE);
            postmaster.destroyForcibly();
            waitForExit(postmaster);
        }
    }

    private static boolean waitForExit(ProcessHandle process) {
        try {
            process.onExit().get(GRACE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException stillRunning) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException impossible) {
            return !process.isAlive();
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException unreadable) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(command -> command.contains("postgres")).orElse(true);
    }
}
