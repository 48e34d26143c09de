package org.identityledger.web;

import org.identityledger.web.support.Browser;
import org.identityledger.web.support.ServiceProcess;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Two packaged instances started on one data directory: the second refuses cleanly, the first keeps serving. */
class SecondInstanceIT {

    @Test
    void aSecondStartOnTheSameDataDirRefusesAndTheFirstKeepsServing() throws Exception {
        Path dataDir = Path.of("target", "it-data", "second-instance-" + UUID.randomUUID());
        ServiceProcess first = new ServiceProcess(dataDir);
        first.start();
        try {
            ServiceProcess.Refusal refusal = new ServiceProcess(dataDir).startExpectingRefusal();

            assertThat(refusal.exitCode()).isNotZero();
            assertThat(refusal.output()).contains("data dir " + dataDir.toAbsolutePath() + " is in use by process " + first.pid()
                    + "; stop it or pass --identity.data-dir");
            assertThat(refusal.output()).doesNotContain("left running").doesNotContain("\tat org.");
            // A quiet start: the log holds the service's own lines, no advertisement, no "undefined/unknown" block.
            String firstLog = java.nio.file.Files.readString(dataDir.resolve("service-1.log"));
            assertThat(firstLog).doesNotContain("AxonIQ Console").doesNotContain("undefined/unknown");
            Browser browser = new Browser(first.baseUrl()).withCsrf();
            assertThat(browser.postJson("/v1/auth/signup", "{\"email\":\"second-" + UUID.randomUUID()
                    + "@example.com\",\"password\":\"correct horse battery staple\"}").status()).isEqualTo(201);
        } finally {
            first.stop();
        }
    }
}
