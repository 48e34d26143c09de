package org.identityledger.web;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.identityledger.infrastructure.database.DataDirectoryInUseException;
import org.identityledger.web.support.Browser;
import org.identityledger.web.support.StandaloneService;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One instance per data directory, and the lock goes with the instance (a restart in the same process works). */
class DataDirectoryLockTest {

    @Test
    void anInstanceRefusesADataDirHeldByAnotherAndTheHolderKeepsServing() {
        GreenMail smtp = new GreenMail(ServerSetup.SMTP.dynamicPort());
        smtp.start();
        Path dataDir = Path.of("target", "it-data", "lock-" + UUID.randomUUID()).toAbsolutePath();
        try (ConfigurableApplicationContext first = StandaloneService.start(dataDir, smtp)) {
            assertThatThrownBy(() -> StandaloneService.start(dataDir, smtp).close())
                    .hasRootCauseInstanceOf(DataDirectoryInUseException.class)
                    .rootCause().hasMessageContaining("is in use by process " + ProcessHandle.current().pid());
            assertThat(new Browser(StandaloneService.baseUrl(first)).get("/v1/auth/csrf").status()).isEqualTo(200);
        }
        try (ConfigurableApplicationContext again = StandaloneService.start(dataDir, smtp)) {
            assertThat(new Browser(StandaloneService.baseUrl(again)).get("/v1/auth/csrf").status()).isEqualTo(200);
        } finally {
            smtp.stop();
        }
    }
}
