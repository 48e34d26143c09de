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
import java.util.Map;

/**
 * {@code java -jar identity-ledger.jar rebuild <name> [--force] [--spring.datasource.url=…]}: rebuilds
 * one projection from this process, against the configured PostgreSQL (or the embedded one in
 * identity.data-dir when no service is using it), with a progress bar on the terminal. The rebuild
 * is the service's own (same lock, same shadow, same checksum and swap), so it is safe while other
 * instances serve. Exit code 0 when swapped, 1 when it failed or another rebuild runs, 2 on bad usage.
 * The bar is a dozen lines of code rather than a library: one line redrawn with a carriage return.
 */
public final class RebuildCommand {

    private static final String USAGE = "usage: java -jar identity-ledger.jar rebuild <name|all>[,<name>…] [--force]"
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
        List<String> settings = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--force")) {
                force = true;
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
            int exitCode = 0;
            for (String projection : names) {
                if (projections.find(projection).isEmpty()) {
                    throw new UnknownProjectionException();
                }
            }
            for (String projection : names) {
                out.println("rebuilding " + projection);
                Progress bar = new Progress(out, terminal);
                long started = System.nanoTime();
                RebuildState result = projections.rebuild(projection, force, bar::show);
                bar.finish(result);
                out.printf("rebuilt %s: %s, %d events in %.1f s, %.0f events/s%n", projection, result.state(), result.processed(),
                        (System.nanoTime() - started) / 1e9, result.eventsPerSecond());
                exitCode = result.state().equals("swapped") ? exitCode : 1;
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

    /** One line: bar, percent, events, events/s and the time left at that pace; redrawn in place on a terminal. */
    static final class Progress {

        private final PrintStream out;
        private final boolean terminal;
        private long lastPrinted;

        Progress(PrintStream out, boolean terminal) {
            this.out = out;
            this.terminal = terminal;
        }

        void show(RebuildState state) {
            long now = System.nanoTime();
            // A log file gets a line every two seconds, a terminal a redraw every tenth of one.
            if (now - lastPrinted < (terminal ? 100_000_000L : 2_000_000_000L) && state.state().equals("running")) {
                return;
            }
            lastPrinted = now;
            String line = line(state);
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
            out.println(state.state().equals("swapped")
                    ? "swapped: live checksum " + state.liveChecksum() + ", rebuilt " + state.rebuiltChecksum()
                    + (state.reason() == null ? "" : " (" + state.reason() + ")")
                    : "failed: " + state.reason());
        }

        static String line(RebuildState state) {
            long total = Math.max(state.total(), state.processed());
            double fraction = state.state().equals("swapped") ? 1 : total == 0 ? 0 : (double) state.processed() / total;
            int filled = (int) Math.round(fraction * WIDTH);
            long secondsLeft = state.eventsPerSecond() > 0 ? Math.round((total - state.processed()) / state.eventsPerSecond()) : -1;
            return String.format("%-13s [%s%s] %3d %% %,d/%,d events %,d events/s ETA %s", state.state(), "#".repeat(filled),
                    " ".repeat(WIDTH - filled), Math.round(fraction * 100), state.processed(), total,
                    Math.round(state.eventsPerSecond()), secondsLeft < 0 ? "--:--" : String.format("%d:%02d", secondsLeft / 60, secondsLeft % 60));
        }
    }
}
