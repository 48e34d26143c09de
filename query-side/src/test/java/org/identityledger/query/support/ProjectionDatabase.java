package org.identityledger.query.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A real PostgreSQL with the service's own Flyway migrations (read from the infrastructure module's
 * sources, which this module may not depend on), one per test JVM, for feeding events to projections
 * and reading the rows they write.
 */
public final class ProjectionDatabase {

    private static JdbcTemplate jdbc;

    private ProjectionDatabase() {
    }

    public static synchronized JdbcTemplate jdbc() {
        if (jdbc == null) {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is going away
                    }
                }));
                Path migrations = Path.of("..", "infrastructure", "src", "main", "resources", "db", "migration").toAbsolutePath();
                Flyway.configure().dataSource(postgres.getPostgresDatabase())
                        .locations("filesystem:" + migrations).load().migrate();
                jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
        }
        return jdbc;
    }
}
