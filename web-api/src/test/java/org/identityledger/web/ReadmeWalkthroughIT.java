package org.identityledger.web;

import org.identityledger.web.support.ServiceProcess;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's walk-through, literally: every fenced bash block under "Walk-through with curl" runs,
 * in order, in one shell, against the packaged service started from a fresh folder (so ./data/mail is
 * where the README says), and every curl answers the status its "# -> NNN" comment states. Only the
 * base URL and the cookie-jar path are swapped for this run's.
 */
class ReadmeWalkthroughIT {

    private static final Pattern EXPECTED = Pattern.compile("#\\s*->\\s*(\\d{3})");
    private static final Pattern CURL = Pattern.compile("(^|\\$\\(|\\|\\s*)curl\\s");

    @Test
    void everyCurlLineOfTheReadmeWalkthroughAnswersTheStatusItStates() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String walkthrough = readme.substring(readme.indexOf("## Walk-through with curl"), readme.indexOf("\n## Configuration"));
        List<String> blocks = new ArrayList<>();
        Matcher fenced = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL).matcher(walkthrough);
        while (fenced.find()) {
            blocks.add(fenced.group(1));
        }
        assertThat(blocks).hasSizeGreaterThanOrEqualTo(3);
        String script = String.join("\n", blocks);
        List<Integer> expected = expectedStatuses(script);

        Path folder = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "readme-");
        ServiceProcess service = new ServiceProcess(folder.resolve("data"));
        service.start();
        try {
            String runnable = "set -eu -o pipefail\n"
                    + "curl() { command curl \"$@\" -w '%{stderr}HTTP %{http_code}\\n'; }\n"
                    + script.replace("http://localhost:8080", service.baseUrl())
                    .replace("/tmp/ledger-cookies", folder.resolve("cookies-" + UUID.randomUUID()).toString());
            Path file = folder.resolve("walkthrough.sh");
            Files.writeString(file, runnable);
            Process shell = new ProcessBuilder("bash", file.toString()).directory(folder.toFile())
                    .redirectOutput(folder.resolve("walkthrough.out").toFile())
                    .redirectError(folder.resolve("walkthrough.err").toFile()).start();
            assertThat(shell.waitFor(180, TimeUnit.SECONDS)).as("the walk-through finished").isTrue();
            String errors = Files.readString(folder.resolve("walkthrough.err"));
            List<Integer> answered = new ArrayList<>();
            Matcher status = Pattern.compile("HTTP (\\d{3})").matcher(errors);
            while (status.find()) {
                answered.add(Integer.parseInt(status.group(1)));
            }

            assertThat(shell.exitValue()).as("exit code; stderr:\n%s\nstdout:\n%s", errors,
                    Files.readString(folder.resolve("walkthrough.out"))).isZero();
            assertThat(answered).as("statuses in order; output in %s", folder).containsExactlyElementsOf(expected);
        } finally {
            service.stop();
        }
    }

    /** One expected status per curl command, from the "# -> NNN" at the end of its (continued) line. */
    private static List<Integer> expectedStatuses(String script) {
        List<Integer> expected = new ArrayList<>();
        String[] lines = script.replace("\\\n", " ").split("\n");
        for (String line : lines) {
            String code = line;
            Matcher curls = CURL.matcher(code.strip());
            int count = 0;
            while (curls.find()) {
                count++;
            }
            if (count == 0 || code.strip().startsWith("#")) {
                continue;
            }
            Matcher status = EXPECTED.matcher(code);
            assertThat(status.find()).as("README curl line states its status with '# -> NNN': %s", code).isTrue();
            assertThat(count).as("one curl per line: %s", code).isEqualTo(1);
            expected.add(Integer.parseInt(status.group(1)));
        }
        return expected;
    }
}
