package org.identityledger;

import org.identityledger.infrastructure.runtime.CompilerThreadConfinement;
import org.identityledger.infrastructure.runtime.FatalErrorHandler;
import org.identityledger.infrastructure.runtime.ReleaseCompilerThreadsWhenStarted;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Identity Ledger. Axon's JPA event store and token store are switched off on purpose: the ledger
 * uses Axon's JDBC engine on Flyway-owned PostgreSQL tables (see EventStoreSchemaConfiguration).
 * No read model or lookup is a JPA entity (plain SQL, for the hot path's sake), so Hibernate is not
 * bootstrapped either: it cost 1.3 s of every start and its classes about 20 MiB of metaspace.
 */
@SpringBootApplication(excludeName = {
        "org.axonframework.springboot.autoconfig.JpaAutoConfiguration",
        "org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration",
        "org.axonframework.springboot.autoconfig.legacyjpa.JpaJavaxAutoConfiguration",
        "org.axonframework.springboot.autoconfig.legacyjpa.JpaJavaxEventStoreAutoConfiguration",
        "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration",
        "org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration",
        // An identity service does not phone home.
        "org.axonframework.springboot.autoconfig.UpdateCheckerAutoConfiguration",
        // Never XStream (messages, events and snapshots are Jackson's, application.yml).
        "org.axonframework.springboot.autoconfig.XStreamAutoConfiguration",
        // Nothing here speaks WebSocket: without this, Tomcat's upgrade filter runs on every request.
        "org.springframework.boot.autoconfigure.websocket.servlet.WebSocketServletAutoConfiguration",
        // No outbound HTTP client and no Spring Data repository or pageable endpoint (plain SQL): each
        // of these was evaluated and built at every start for nothing.
        "org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration",
        "org.springframework.boot.autoconfigure.web.client.RestTemplateAutoConfiguration",
        "org.springframework.boot.autoconfigure.http.client.HttpClientAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.observation.web.client.HttpClientObservationsAutoConfiguration",
        "org.springframework.boot.autoconfigure.data.web.SpringDataWebAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.data.RepositoryMetricsAutoConfiguration"})
public class IdentityLedgerApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("verify-ledger")) {
            System.exit(VerifyLedgerCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("rebuild")) {
            System.setProperty("disable-axoniq-console-message", "true");
            System.exit(RebuildCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        // First, before the start gives the compilers anything to do (see CompilerThreadConfinement).
        CompilerThreadConfinement confinement = CompilerThreadConfinement.confine();
        FatalErrorHandler.install();
        // Axon prints an AxonIQ Console advertisement at every start unless this is set; an identity
        // service's log should hold its own events only. An operator's own -D setting wins.
        if (System.getProperty("disable-axoniq-console-message") == null) {
            System.setProperty("disable-axoniq-console-message", "true");
        }
        SpringApplication application = new SpringApplication(IdentityLedgerApplication.class);
        application.addListeners(new ReleaseCompilerThreadsWhenStarted(confinement));
        application.run(args);
    }
}
