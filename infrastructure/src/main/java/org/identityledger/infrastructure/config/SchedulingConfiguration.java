package org.identityledger.infrastructure.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Separate schedulers, so that mail delivery (which can block on a silent SMTP server for its timeouts)
 * never holds up housekeeping such as rate-limit cleanup and key rotation. "taskScheduler" is the
 * default every other @Scheduled method runs on.
 */
@Configuration(proxyBeanMethods = false)
public class SchedulingConfiguration {

    public static final String MAIL_SCHEDULER = "mailScheduler";
    public static final String LEDGER_SCHEDULER = "ledgerScheduler";

    @Bean(name = "taskScheduler")
    ThreadPoolTaskScheduler taskScheduler() {
        return scheduler("housekeeping-", 2);
    }

    @Bean(name = MAIL_SCHEDULER)
    ThreadPoolTaskScheduler mailScheduler() {
        return scheduler("mail-", 1);
    }

    /** The hash chain's sealer and checkpoints: their own thread, so they keep their pace whatever else runs. */
    @Bean(name = LEDGER_SCHEDULER)
    ThreadPoolTaskScheduler ledgerScheduler() {
        return scheduler("ledger-", 1);
    }

    private static ThreadPoolTaskScheduler scheduler(String prefix, int threads) {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(threads);
        scheduler.setThreadNamePrefix(prefix);
        scheduler.setDaemon(true);
        return scheduler;
    }
}
