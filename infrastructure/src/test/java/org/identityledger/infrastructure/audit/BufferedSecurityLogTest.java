package org.identityledger.infrastructure.audit;

import org.identityledger.command.port.SecurityLog;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;

import java.time.Clock;
import java.util.Collection;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

class BufferedSecurityLogTest {

    /** A database that hangs: the writer is stuck in its first batch for the whole test. */
    private static final class HangingDatabase extends JdbcTemplate {
        private final CountDownLatch released = new CountDownLatch(1);

        @Override
        public <T> int[][] batchUpdate(String sql, Collection<T> batchArgs, int batchSize, ParameterizedPreparedStatementSetter<T> setter) {
            try {
                released.await();
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            }
            return new int[0][];
        }
    }

    @Test
    void aFullBufferDropsAndCountsInsteadOfWaiting() throws Exception {
        HangingDatabase database = new HangingDatabase();
        BufferedSecurityLog log = new BufferedSecurityLog(database, Clock.systemUTC());
        try {
            int offered = 3 * BufferedSecurityLog.CAPACITY;
            for (int i = 0; i < offered; i++) {
                log.record(new SecurityLog.Entry("login_failed", null, null, "10.0.0.1", "attempt " + i));
            }
            // Every call returned (none waited for the hung database); what did not fit was counted.
            assertThat(log.dropped()).isGreaterThanOrEqualTo(offered - BufferedSecurityLog.CAPACITY - 500L);
        } finally {
            database.released.countDown();
            log.destroy();
        }
    }
}
