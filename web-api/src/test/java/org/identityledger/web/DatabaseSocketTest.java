package org.identityledger.web;

import com.zaxxer.hikari.HikariDataSource;
import org.identityledger.infrastructure.database.BlockingReadSocketFactory;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The pool's connections reach PostgreSQL through {@link BlockingReadSocketFactory} (application.yml). */
class DatabaseSocketTest extends IntegrationTest {

    @Autowired
    private HikariDataSource dataSource;

    @Test
    void thePoolsConnectionsReadThroughTheBlockingReadSocketFactory() throws Exception {
        assertThat(dataSource.getDataSourceProperties().getProperty("socketFactory"))
                .isEqualTo(BlockingReadSocketFactory.class.getName());
        // A wrong class name would fail here: the driver instantiates it for every new connection.
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet answer = statement.executeQuery("SELECT 1")) {
            assertThat(answer.next()).isTrue();
        }
    }
}
