package org.identityledger.infrastructure.abuse;

import org.identityledger.command.port.RateLimits;
import org.identityledger.command.port.LimitName;
import org.identityledger.command.port.RateLimitedException;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * Token buckets in PostgreSQL (Bucket4j, SELECT … FOR UPDATE), so every instance behind a load
 * balancer enforces one limit. Keys are hashed before they become row ids.
 */
@Component
@EnableConfigurationProperties(AbuseSettings.class)
public class RateLimiter implements RateLimits {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

    private final ProxyManager<String> buckets;
    private final AbuseSettings settings;

    RateLimiter(DataSource dataSource, AbuseSettings settings) {
        this.settings = settings;
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
        if (!settings.isEnabled()) {
            log.warn("""

                    ************************************************************************
                    *  ABUSE CONTROLS ARE OFF (identity.abuse.enabled=false).              *
                    *  No rate limits, no failed-login throttling. Benchmarks only!        *
                    ************************************************************************""");
        }
    }

    /** Takes one request from the key's bucket, or refuses with the time until one is available. */
    @Override
    public void consume(LimitName name, String key) {
        if (!settings.isEnabled()) {
            return;
        }
        ConsumptionProbe probe = bucket(name, key).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new RateLimitedException(seconds(probe.getNanosToWaitForRefill()));
        }
    }

    /**
     * Gives back one request taken by {@link #consume} (a sign-in that succeeded was no guess). The
     * bucket never rises above its capacity, so a refund cannot be hoarded.
     */
    @Override
    public void refund(LimitName name, String key) {
        if (settings.isEnabled()) {
            bucket(name, key).addTokens(1);
        }
    }

    public boolean isEnabled() {
        return settings.isEnabled();
    }

    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
    void removeExpiredBuckets() {
        try {
            if (buckets instanceof ExpiredEntriesCleaner cleaner) {
                int removed;
                do {
                    removed = cleaner.removeExpired(1_000);
                } while (removed == 1_000);
            }
        } catch (RuntimeException failure) {
            log.warn("Could not remove expired rate-limit buckets: {}", failure.toString());
        }
    }

    /**
     * The row id names the limit's configuration too, so a limit changed in the settings applies from
     * the next start on (the stored buckets of the old configuration simply expire), instead of an
     * old bucket answering with its old capacity.
     */
    private BucketProxy bucket(LimitName name, String key) {
        Limit limit = settings.limit(name);
        String configuration = limit.getCapacity() + "/" + limit.getPeriod().toSeconds() + "s";
        return buckets.getProxy(name.configName() + ":" + configuration + ":" + sha256(key), () -> BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.getCapacity())
                        .refillGreedy(limit.getCapacity(), limit.getPeriod()))
                .build());
    }

    private static long seconds(long nanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999L));
    }

    private static String sha256(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
