package org.identityledger.infrastructure.database;

import org.identityledger.infrastructure.eventstore.EventStatementBatch;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/**
 * The two templates: everyone's, sending each statement at once, and the in-transaction
 * projections' that sends one event's statements together ({@link EventStatementBatch}). Both are
 * declared here because the second is a {@link JdbcTemplate} too, which makes Spring Boot's own back off.
 */
@Configuration(proxyBeanMethods = false)
public class JdbcTemplateConfiguration {

    @Bean
    @Primary
    public JdbcTemplate jdbcTemplate(DataSource dataSource) {
        return new JdbcTemplate(dataSource);
    }

    @Bean(EventStatementBatch.QUALIFIER)
    public EventStatementBatch eventStatementBatch(DataSource dataSource) {
        return new EventStatementBatch(dataSource);
    }
}
