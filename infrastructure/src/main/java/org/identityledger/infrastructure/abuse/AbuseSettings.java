package org.identityledger.infrastructure.abuse;

import org.identityledger.command.port.LimitName;
import org.springframework.boot.context.properties.ConfigurationProperties;

import jakarta.validation.Valid;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * identity.abuse.*: runtime security settings from application.yml or the environment, never from
 * the database or an admin API. Defaults are in {@link #DEFAULTS}; any limit can be overridden
 * (identity.abuse.limits.login-per-ip.capacity=50).
 */
@ConfigurationProperties(prefix = "identity.abuse")
@Validated
public class AbuseSettings {

    static final Map<LimitName, Limit> DEFAULTS = defaults();

    private boolean enabled = true;
    /** Peers whose X-Forwarded-For is believed (exact IPv4/IPv6 addresses or CIDR ranges). */
    private List<String> trustedProxies = List.of();
    private Map<String, @Valid Limit> limits = new LinkedHashMap<>();
    /** IPv6 clients are rate-limited per network of this prefix length (128: per address). */
    @jakarta.validation.constraints.Min(32)
    @jakarta.validation.constraints.Max(128)
    private int ipv6PrefixLength = 64;

    public int getIpv6PrefixLength() {
        return ipv6PrefixLength;
    }

    public void setIpv6PrefixLength(int ipv6PrefixLength) {
        this.ipv6PrefixLength = ipv6PrefixLength;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public List<String> getTrustedProxies() {
        return trustedProxies;
    }

    public void setTrustedProxies(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    public Map<String, @Valid Limit> getLimits() {
        return limits;
    }

    public void setLimits(Map<String, Limit> limits) {
        this.limits = limits;
    }

    public Limit limit(LimitName name) {
        Limit configured = limits.entrySet().stream()
                .filter(entry -> LimitName.fromConfigName(entry.getKey()).filter(name::equals).isPresent())
                .map(Map.Entry::getValue).findFirst().orElse(null);
        Limit fallback = DEFAULTS.get(name);
        if (configured == null) {
            return fallback;
        }
        return new Limit(configured.getCapacity() != null ? configured.getCapacity() : fallback.getCapacity(),
                configured.getPeriod() != null ? configured.getPeriod() : fallback.getPeriod());
    }

    private static Map<LimitName, Limit> defaults() {
        Map<LimitName, Limit> defaults = new EnumMap<>(LimitName.class);
        defaults.put(LimitName.SIGNUP_PER_IP, new Limit(20L, Duration.ofHours(1)));
        defaults.put(LimitName.SIGNUP_PER_EMAIL, new Limit(5L, Duration.ofHours(1)));
        defaults.put(LimitName.LOGIN_PER_IP, new Limit(30L, Duration.ofMinutes(10)));
        // ASVS 5.0 6.3.1: at most 100 failed attempts per hour per account: 10 at once, then one per 40 s.
        defaults.put(LimitName.LOGIN_FAILURES_PER_ACCOUNT, new Limit(10L, Duration.ofSeconds(400)));
        defaults.put(LimitName.LOGIN_FAILURES_PER_ACCOUNT_AND_DEVICE, new Limit(10L, Duration.ofSeconds(400)));
        defaults.put(LimitName.REFRESH_PER_IP, new Limit(600L, Duration.ofMinutes(1)));
        defaults.put(LimitName.VERIFY_PER_IP, new Limit(30L, Duration.ofMinutes(10)));
        defaults.put(LimitName.RESEND_PER_IP, new Limit(10L, Duration.ofHours(1)));
        defaults.put(LimitName.RESEND_PER_EMAIL, new Limit(3L, Duration.ofHours(1)));
        defaults.put(LimitName.RESET_REQUEST_PER_IP, new Limit(10L, Duration.ofHours(1)));
        defaults.put(LimitName.RESET_REQUEST_PER_EMAIL, new Limit(3L, Duration.ofHours(1)));
        defaults.put(LimitName.RESET_PER_IP, new Limit(30L, Duration.ofMinutes(10)));
        return Map.copyOf(defaults);
    }
}
