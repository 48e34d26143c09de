package org.identityledger.infrastructure.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.identityledger.infrastructure.config.IdentityProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default: a real PostgreSQL (zonky's binaries from Maven) whose data lives under
 * {@code identity.data-dir/postgres} and survives restarts. Used whenever spring.datasource.url is unset.
 * {@link EmbeddedPostgresEarlyStart} begins it before the context is refreshed; the beans here wait for it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlCondition.class)
public class EmbeddedPostgresConfiguration {

    /** Taken before anything in the data directory is touched; see {@link DataDirectoryLock}. */
    @Bean(destroyMethod = "") // released by its EmbeddedPostgresStart, after the database stopped
    public DataDirectoryLock dataDirectoryLock(EmbeddedPostgresStart start, IdentityProperties properties) {
        return start.await(properties).lock();
    }

    @Bean(destroyMethod = "") // stopped by its EmbeddedPostgresStart, after every bean that uses it
    public EmbeddedPostgres embeddedPostgres(EmbeddedPostgresStart start, IdentityProperties properties) {
        return start.await(properties).postgres();
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
