package org.identityledger.infrastructure.audit;

import org.identityledger.infrastructure.config.IdentityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

/** Security-log entries leave after identity.audit.security-log-retention, in small batches. */
@Component
class SecurityLogRetention {

    private static final Logger log = LoggerFactory.getLogger(SecurityLogRetention.class);
    private static final int BATCH = 5_000;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration retention;

    SecurityLogRetention(JdbcTemplate jdbc, Clock clock, IdentityProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = properties.getAudit().getSecurityLogRetention();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT2M")
    public void removeExpiredEntries() {
        try {
            int removed;
            do {
                removed = jdbc.update("DELETE FROM security_log WHERE id IN (SELECT id FROM security_log WHERE at < ? LIMIT " + BATCH + ")",
                        Timestamp.from(clock.instant().minus(retention)));
            } while (removed == BATCH);
        } catch (RuntimeException failure) {
            log.warn("Could not apply the security log's retention: {}", failure.toString());
        }
    }
}
