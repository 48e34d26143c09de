package org.identityledger.web.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged service as a separate OS process, started the way the README starts it: through
 * web-api/identity-ledger, with the memory settings and the class-data archive it ships.
 */
public final class ServiceProcess {

    private final Path jar;
    private final Path dataDir;
    private final int httpPort;
    private final int databasePort;
    private final int smtpPort;
    private final List<String> extraArguments;
    private Process process;
    private int starts;

    public ServiceProcess(Path dataDir, String... extraArguments) throws IOException {
        this.jar = Path.of(System.getProperty("ledger.jar", "target/identity-ledger.jar"));
        this.dataDir = dataDir.toAbsolutePath();
        this.httpPort = freePort();
        this.databasePort = freePort();
        this.smtpPort = freePort();
        this.extraArguments = List.of(extraArguments);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private List<String> command() {
        List<String> command = new ArrayList<>(List.of("bash", Path.of("identity-ledger").toAbsolutePath().toString(),
                "--server.port=" + httpPort,
                "--identity.data-dir=" + dataDir,
                "--identity.embedded-postgres.port=" + databasePort,
                "--identity.mail.embedded-smtp.port=" + smtpPort,
                "--identity.public-base-url=" + baseUrl()));
        command.addAll(extraArguments);
        return command;
    }

    /** The launcher runs this JVM's java (the one under test), and execs it: the process is the service. */
    private static ProcessBuilder launcher(ProcessBuilder builder) {
        builder.environment().put("LEDGER_JAVA", ProcessHandle.current().info().command().orElse("java"));
        return builder;
    }

    /** Starts the jar and waits until it answers HTTP; returns the startup time. */
    public Duration start() throws IOException, InterruptedException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw package first");
        }
        List<String> command = command();
        Files.createDirectories(dataDir);
        long started = System.nanoTime();
        process = launcher(new ProcessBuilder(command)).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("service-" + (++starts) + ".log").toFile()).start();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + "; see " + dataDir);
            }
            try {
                HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/v1/auth/csrf"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - started);
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the service did not come up within 120 s; see " + dataDir);
    }

    /** Starts the jar expecting it to refuse to start; returns its exit code and everything it printed. */
    public Refusal startExpectingRefusal() throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        Path log = dataDir.resolve("refused-" + (++starts) + ".log");
        process = launcher(new ProcessBuilder(command())).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the service neither started nor refused within 120 s; see " + log);
        }
        return new Refusal(process.exitValue(), Files.readString(log));
    }

    public record Refusal(int exitCode, String output) {
    }

    /** SIGKILL: no shutdown hook runs; the embedded PostgreSQL is left orphaned. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM: the service and its embedded PostgreSQL stop cleanly. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
        return process.exitValue();
    }

    public long pid() {
        return process.pid();
    }

    public String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + databasePort + "/postgres?user=postgres";
    }

    public Path dataDir() {
        return dataDir;
    }
}
