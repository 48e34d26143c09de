package org.identityledger.web;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.identityledger.IdentityLedgerApplication;
import org.identityledger.infrastructure.config.InvalidSettingsException;
import org.identityledger.infrastructure.database.DataDirectoryLock;
import org.identityledger.web.support.Browser;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A setting the service does not read, or a value it cannot use, stops the start with a line naming it. */
class SettingsValidationTest {

    private static final GreenMail SMTP = new GreenMail(ServerSetup.SMTP.dynamicPort());

    static {
        SMTP.start();
    }

    @Test
    void aMisspeltSettingRefusesToStartAndNamesTheSettingItProbablyMeant() {
        assertThatThrownBy(() -> start(Map.of(), "--identity.sesion.browser-idle-timeout=5m").close())
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("identity.sesion.browser-idle-timeout: unknown setting;"
                        + " did you mean identity.session.browser-idle-timeout?");
    }

    @Test
    void anAbuseLimitThatIsNoLimitRefusesToStart() {
        assertThatThrownBy(() -> start(Map.of(), "--identity.abuse.limits.login-per-ipp.capacity=5").close())
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("'login-per-ipp' is not an abuse limit");
    }

    @Test
    void anUnknownSettingFromTheEnvironmentRefusesToStartToo() {
        assertThatThrownBy(() -> start(Map.of("IDENTITY_SESSION_BROWSER_IDLE_TIMEOUTT", "5m")).close())
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("unknown setting");
    }

    /** Each value a review found accepted silently; now each stops the start naming its setting. */
    @ParameterizedTest
    @ValueSource(strings = {
            "identity.password.argon2-memory-kib=-5",
            "identity.session.browser-idle-timeout=-1m",
            "identity.jwt.access-token-lifetime=0s",
            "identity.public-base-url=notaurl",
            "identity.abuse.limits.login-per-ip.capacity=0",
            "identity.jwt.key-encryption-key=not-base64-at-all",
            "identity.native.app-scheme=Not A Scheme"})
    void anUnusableValueRefusesToStartNamingTheSetting(String setting) throws IOException {
        String name = setting.substring(0, setting.indexOf('='));
        Path dataDir = newDataDir();
        assertThatThrownBy(() -> start(dataDir, Map.of(), "--" + setting).close())
                .hasStackTraceContaining("BindValidationException")
                .hasStackTraceContaining("on field '")
                .hasStackTraceContaining(fieldOf(name) + "': rejected value");
        assertNoDatabaseLeftRunning(dataDir);
    }

    /**
     * The embedded PostgreSQL begins before the settings' values are validated (it overlaps the
     * context's start); a refused start must still stop it and release the data directory.
     */
    @Test
    void aRefusedStartLeavesNoDatabaseRunningAndTheDataDirectoryFree() throws IOException {
        Path dataDir = newDataDir();
        assertThatThrownBy(() -> start(dataDir, Map.of(), "--identity.password.argon2-memory-kib=-5").close())
                .hasStackTraceContaining("BindValidationException");
        assertNoDatabaseLeftRunning(dataDir);
        assertThatThrownBy(() -> start(dataDir, Map.of(), "--identity.sesion.browser-idle-timeout=5m").close())
                .isInstanceOf(InvalidSettingsException.class);
        assertNoDatabaseLeftRunning(dataDir);
        try (ConfigurableApplicationContext service = start(dataDir, Map.of())) {
            assertThat(new Browser("http://localhost:" + ((WebServerApplicationContext) service).getWebServer().getPort())
                    .get("/v1/auth/csrf").status()).isEqualTo(200);
        }
        assertNoDatabaseLeftRunning(dataDir);
    }

    /** PostgreSQL removes its pid file when it stops; a stopped instance leaves the lock free too. */
    private static void assertNoDatabaseLeftRunning(Path dataDir) throws IOException {
        assertThat(dataDir.resolve("postgres").resolve("postmaster.pid")).doesNotExist();
        if (Files.exists(dataDir)) {
            DataDirectoryLock.acquire(dataDir).close();
        }
    }

    private static String fieldOf(String name) {
        String last = name.substring(name.lastIndexOf('.') + 1);
        StringBuilder camel = new StringBuilder();
        for (String part : last.split("-")) {
            camel.append(camel.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return camel.toString();
    }

    /** The README's example, literally: IDENTITY_ABUSE_LIMITS_LOGINPERIP_CAPACITY=2. */
    @Test
    void theReadmesEnvironmentVariableExampleSetsTheLimit() {
        try (ConfigurableApplicationContext service = start(Map.of("IDENTITY_ABUSE_LIMITS_LOGINPERIP_CAPACITY", "2"),
                "--identity.abuse.enabled=true")) {
            Browser browser = new Browser("http://localhost:" + ((WebServerApplicationContext) service).getWebServer().getPort())
                    .withCsrf();
            String login = "{\"email\":\"nobody-" + UUID.randomUUID() + "@example.com\",\"password\":\"" + IntegrationTest.PASSWORD + "\"}";
            assertThat(browser.postJson("/v1/auth/login", login).status()).isEqualTo(401);
            assertThat(browser.postJson("/v1/auth/login", login).status()).isEqualTo(401);
            browser.postJson("/v1/auth/login", login).assertProblem(429, "RATE_LIMITED");
        }
    }

    /** Starts the service with these environment variables (replacing the real environment) and arguments. */
    private static ConfigurableApplicationContext start(Map<String, Object> environmentVariables, String... extraArguments) {
        return start(newDataDir(), environmentVariables, extraArguments);
    }

    private static Path newDataDir() {
        return Path.of("target", "it-data", "settings-" + UUID.randomUUID()).toAbsolutePath();
    }

    private static ConfigurableApplicationContext start(Path dataDir, Map<String, Object> environmentVariables,
                                                        String... extraArguments) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environmentVariables));
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--identity.data-dir=" + dataDir,
                "--identity.mail.embedded-smtp.enabled=false", "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + SMTP.getSmtp().getPort()));
        arguments.addAll(List.of(extraArguments));
        if (arguments.stream().noneMatch(argument -> argument.startsWith("--identity.public-base-url="))) {
            arguments.add("--identity.public-base-url=http://localhost:8080");
        }
        return new SpringApplicationBuilder(IdentityLedgerApplication.class).environment(environment)
                .run(arguments.toArray(String[]::new));
    }
}
