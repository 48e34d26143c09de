package org.identityledger.web;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bench/run's report on a machine whose baselines fell to a seventh of the recorded ones (what made
 * every row MISSED with no hint why): it prints the load, warns about each fallen baseline, and says
 * what MISSED means.
 */
class BenchReportTest {

    @Test
    void aBusyMachineIsNamedAndMissedIsExplained() throws Exception {
        Path results = Files.createTempFile("bench-results", ".tsv");
        StringBuilder rows = new StringBuilder();
        for (String scenario : new String[]{"baseline-static", "browser-login", "native-login", "me-cookie", "me-bearer",
                "native-refresh", "signup"}) {
            rows.append(scenario).append("\t1000\t1.0\t5.0\t300\t0\t1000\n");
        }
        Files.writeString(results, rows.toString());
        Path rebuild = Files.createTempFile("bench-rebuild", ".txt");
        Files.writeString(rebuild, "rebuild of every projection (CLI, a second instance), exit 0\n");

        Process report = new ProcessBuilder("python3", Path.of("..", "bench", "report.py").toString(), results.toString(),
                "3.2", "3000", "5000", "9000", "10000", rebuild.toString(), "-", "1", "2", "6.10 5.00 4.00", "7.00 6.00 5.00",
                Path.of("..", "bench", "recorded-baselines").toString()).redirectErrorStream(true).start();
        assertThat(report.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(report.getInputStream().readAllBytes());

        assertThat(report.exitValue()).as(output).isZero();
        assertThat(output).contains("Machine load average (1, 5, 15 min): 6.10 5.00 4.00 before, 7.00 6.00 5.00 after")
                .contains("WARNING: baseline (a) is 0.14 x the recorded 22.6/s")
                .contains("WARNING: baseline (c) is 0.14 x the recorded 21048/s")
                .contains("MISSED means the service is slower than its target relative to")
                .contains("rebuild of every projection (CLI, a second instance), exit 0");
    }
}
