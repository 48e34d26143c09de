package org.identityledger;

import org.identityledger.command.port.Projections;
import org.identityledger.command.port.Projections.RebuildState;
import org.identityledger.command.port.RebuildInProgressException;
import org.identityledger.command.port.UnknownProjectionException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code java -jar identity-ledger.jar rebuild <name> [--force] [--spring.datasource.url=…]}: rebuilds
 * one projection from this process, against the configured PostgreSQL (or the embedded one in
 * identity.data-dir when no service is using it), with a progress bar on the terminal. The rebuild
 * is the service's own (same lock, same shadow, same checksum and swap), so it is safe while other
 * instances serve. Several names rebuild one after another, or with {@code --parallel} side by side
 * (a thread each; a name listed again starts a new round). Exit code 0 when every one swapped, 1 when
 * one failed or another rebuild runs, 2 on bad usage.
 * The bar is a dozen lines of code rather than a library: one line redrawn with a carriage return.
 */
public final class RebuildCommand {

    private static final String USAGE = "usage: java -jar identity-ledger.jar rebuild <name|all>[,<name>…] [--force] [--parallel]"
            + " [--spring.datasource.url=… and other settings]";
    private static final int WIDTH = 30;

    private RebuildCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].startsWith("-")) {
            err.println(USAGE);
            return 2;
        }
        String name = args[0];
        boolean force = false;
        boolean parallel = false;
        List<String> settings = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--force")) {
                force = true;
            } else if (args[i].equals("--parallel")) {
                parallel = true;
            } else if (args[i].startsWith("--") && args[i].contains("=")) {
                settings.add(args[i]);
            } else {
                err.println(USAGE);
                return 2;
            }
        }
        SpringApplication application = new SpringApplication(IdentityLedgerApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(Map.of("spring.main.banner-mode", "off", "logging.level.root", "WARN"));
        boolean terminal = System.console() != null;
        try (ConfigurableApplicationContext context = application.run(settings.toArray(String[]::new))) {
            Projections projections = context.getBean(Projections.class);
            List<String> names = name.equals("all") ? projections.list().stream().map(Projections.ProjectionState::name).toList()
                    : List.of(name.split(","));
            for (String projection : names) {
                if (projections.find(projection).isEmpty()) {
                    throw new UnknownProjectionException();
                }
            }
            int exitCode = 0;
            for (List<String> round : parallel ? rounds(names) : names.stream().map(List::of).toList()) {
                exitCode = Math.max(exitCode, round.size() == 1 ? rebuildOne(projections, round.get(0), force, out, terminal)
                        : rebuildSideBySide(projections, round, force, out));
            }
            return exitCode;
        } catch (UnknownProjectionException unknown) {
            err.println("rebuild: no projection is called " + name + " (see GET /v1/admin/projections, or all)");
            err.println(USAGE);
            return 2;
        } catch (RebuildInProgressException running) {
            err.println("rebuild: " + running.getMessage());
            return 1;
        }
    }

    private static int rebuildOne(Projections projections, String projection, boolean force, PrintStream out, boolean terminal) {
        out.println("rebuilding " + projection);
        Progress bar = new Progress(out, terminal, "");
        long started = System.nanoTime();
        RebuildState result = projections.rebuild(projection, force, bar::show);
        bar.finish(result);
        printRebuilt(out, projection, result, started);
        return result.state().equals("swapped") ? 0 : 1;
    }

    /** Several projections at once, a thread each (each its own lock and shadow): progress as lines named by projection. */
    private static int rebuildSideBySide(Projections projections, List<String> round, boolean force, PrintStream out) {
        out.println("rebuilding " + String.join(", ", round) + " side by side");
        long started = System.nanoTime();
        ExecutorService threads = Executors.newFixedThreadPool(round.size());
        try {
            List<Future<RebuildState>> results = new ArrayList<>();
            for (String projection : round) {
                results.add(threads.submit(() -> {
                    Progress lines = new Progress(out, false, projection + ": ");
                    long own = System.nanoTime();
                    RebuildState result = projections.rebuild(projection, force, lines::show);
                    synchronized (out) {
                        lines.finish(result);
                        printRebuilt(out, projection, result, own);
                    }
                    return result;
                }));
            }
            int exitCode = 0;
            for (Future<RebuildState> result : results) {
                exitCode = result.get().state().equals("swapped") ? exitCode : 1;
            }
            out.printf(Locale.ROOT, "rebuilt %s side by side in %.1f s%n", String.join(", ", round), (System.nanoTime() - started) / 1e9);
            return exitCode;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(failed.getCause());
        } finally {
            threads.shutdownNow();
        }
    }

    /** The names in order, cut into rounds in which no projection appears twice (it cannot be rebuilt twice at once). */
    static List<List<String>> rounds(List<String> names) {
        List<List<String>> rounds = new ArrayList<>();
        List<String> round = new ArrayList<>();
        for (String name : names) {
            if (round.contains(name)) {
                rounds.add(round);
                round = new ArrayList<>();
            }
            round.add(name);
        }
        rounds.add(round);
        return rounds;
    }

    private static void printRebuilt(PrintStream out, String projection, RebuildState result, long startedNanos) {
        out.printf(Locale.ROOT, "rebuilt %s: %s, %d events in %.1f s, %.0f events/s%n", projection, result.state(), result.processed(),
                (System.nanoTime() - startedNanos) / 1e9, result.eventsPerSecond());
    }

    /** One line: bar, percent, events, events/s and the time left at that pace; redrawn in place on a terminal. */
    static final class Progress {

        private final PrintStream out;
        private final boolean terminal;
        private final String prefix;
        private long lastPrinted;

        Progress(PrintStream out, boolean terminal, String prefix) {
            this.out = out;
            this.terminal = terminal;
            this.prefix = prefix;
        }

        void show(RebuildState state) {
            long now = System.nanoTime();
            // A log file gets a line every two seconds, a terminal a redraw every tenth of one.
            if (now - lastPrinted < (terminal ? 100_000_000L : 2_000_000_000L) && state.state().equals("running")) {
                return;
            }
            lastPrinted = now;
            String line = prefix + line(state);
            if (terminal) {
                out.print("\r" + line);
            } else {
                out.println(line);
            }
            out.flush();
        }

        void finish(RebuildState state) {
            if (terminal) {
                out.println("\r" + line(state));
            }
            out.println(prefix + (state.state().equals("swapped")
                    ? "swapped: live checksum " + state.liveChecksum() + ", rebuilt " + state.rebuiltChecksum()
                    + (state.reason() == null ? "" : " (" + state.reason() + ")")
                    : "failed: " + state.reason()));
        }

        static String line(RebuildState state) {
            long total = Math.max(state.total(), state.processed());
            double fraction = state.state().equals("swapped") ? 1 : total == 0 ? 0 : (double) state.processed() / total;
            int filled = (int) Math.round(fraction * WIDTH);
            long secondsLeft = state.eventsPerSecond() > 0 ? Math.round((total - state.processed()) / state.eventsPerSecond()) : -1;
            return String.format(Locale.ROOT, "%-13s [%s%s] %3d %% %,d/%,d events %,d events/s ETA %s", state.state(), "#".repeat(filled),
                    " ".repeat(WIDTH - filled), Math.round(fraction * 100), state.processed(), total,
                    Math.round(state.eventsPerSecond()), secondsLeft < 0 ? "--:--" : String.format(Locale.ROOT, "%d:%02d", secondsLeft / 60, secondsLeft % 60));
        }
    }
}
