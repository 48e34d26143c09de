package org.identityledger.infrastructure.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.identityledger.infrastructure.config.IdentityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The embedded default: a real PostgreSQL (zonky's binaries from Maven) whose data lives under
 * {@code identity.data-dir/postgres} and survives restarts. Used whenever spring.datasource.url is unset.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlCondition.class)
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /** Taken before anything in the data directory is touched; see {@link DataDirectoryLock}. */
    @Bean(destroyMethod = "close")
    public DataDirectoryLock dataDirectoryLock(IdentityProperties properties) {
        return DataDirectoryLock.acquire(properties.getDataDir().toAbsolutePath().normalize());
    }

    @Bean(destroyMethod = "close")
    public EmbeddedPostgres embeddedPostgres(IdentityProperties properties, DataDirectoryLock lock) throws IOException {
        Path dataDirectory = properties.getDataDir().resolve("postgres").toAbsolutePath().normalize();
        Files.createDirectories(dataDirectory);
        // Safe only because this instance holds the data directory's lock: a running postmaster here
        // cannot belong to a live instance, so it is an orphan of a killed one.
        OrphanedPostmaster.stopIfRunning(dataDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                // Stopped by this bean's destruction, after everything that still writes at shutdown
                // (the ledger checkpoint): zonky's own JVM hook would stop it while Spring is closing.
                .setRegisterShutdownHook(false)
                // The ledger's acknowledgements must survive a crash of the database too.
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "200");
        if (properties.getEmbeddedPostgres().getPort() > 0) {
            builder.setPort(properties.getEmbeddedPostgres().getPort());
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL is up on port {} with data in {}", postgres.getPort(), dataDirectory);
        return postgres;
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    public HikariDataSource dataSource(EmbeddedPostgres embeddedPostgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(embeddedPostgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("ledger");
        return dataSource;
    }
}
