package org.identityledger;

import org.identityledger.command.port.Projections.RebuildState;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rebuild command's own rules, without a database: usage, rounds, and the progress line. */
class RebuildCommandTest {

    @Test
    void badUsageExitsWithTwoBeforeStartingAnything() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(RebuildCommand.run(new String[0], System.out, errors)).isEqualTo(2);
        assertThat(RebuildCommand.run(new String[]{"--force"}, System.out, errors)).isEqualTo(2);
        assertThat(RebuildCommand.run(new String[]{"sessions", "--fast"}, System.out, errors)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: java -jar identity-ledger.jar rebuild");
    }

    @Test
    void aProjectionListedAgainStartsANewRoundSoItIsNeverRebuiltTwiceAtOnce() {
        assertThat(RebuildCommand.rounds(List.of("sessions", "accounts", "sessions", "accounts")))
                .containsExactly(List.of("sessions", "accounts"), List.of("sessions", "accounts"));
        assertThat(RebuildCommand.rounds(List.of("sessions", "sessions"))).containsExactly(List.of("sessions"), List.of("sessions"));
    }

    @Test
    void theProgressLineShowsTheBarThePercentTheRateAndTheTimeLeft() {
        String line = RebuildCommand.Progress.line(new RebuildState("running", 25_000, 100_000, 12_500, Instant.EPOCH, null,
                null, null, null, false));
        assertThat(line).startsWith("running").contains("[#######").contains(" 25 %").contains("25,000/100,000 events")
                .contains("12,500 events/s").contains("ETA 0:06");
        assertThat(RebuildCommand.Progress.line(new RebuildState("swapped", 10, 10, 5, Instant.EPOCH, Instant.EPOCH, "a", "a", null,
                false))).contains("100 %");
    }
}
