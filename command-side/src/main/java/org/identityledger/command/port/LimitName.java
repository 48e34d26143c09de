package org.identityledger.command.port;

/** The limits the service enforces; their thresholds are identity.abuse.limits.{configName}. */
public enum LimitName {
    SIGNUP_PER_IP("signup-per-ip"),
    SIGNUP_PER_EMAIL("signup-per-email"),
    LOGIN_PER_IP("login-per-ip"),
    LOGIN_FAILURES_PER_ACCOUNT("login-failures-per-account"),
    LOGIN_FAILURES_PER_ACCOUNT_AND_DEVICE("login-failures-per-account-and-device"),
    REFRESH_PER_IP("refresh-per-ip"),
    VERIFY_PER_IP("verify-per-ip"),
    RESEND_PER_IP("resend-per-ip"),
    RESEND_PER_EMAIL("resend-per-email"),
    RESET_REQUEST_PER_IP("reset-request-per-ip"),
    RESET_REQUEST_PER_EMAIL("reset-request-per-email"),
    RESET_PER_IP("reset-per-ip");

    private final String configName;

    LimitName(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    /**
     * The limit a map key names, however it was spelt: identity.abuse.limits.login-per-ip and the
     * environment's IDENTITY_ABUSE_LIMITS_LOGINPERIP_CAPACITY (key "loginperip") are the same limit.
     */
    public static java.util.Optional<LimitName> fromConfigName(String key) {
        String wanted = uniform(key);
        return java.util.Arrays.stream(values()).filter(name -> uniform(name.configName).equals(wanted)).findFirst();
    }

    public static java.util.List<String> configNames() {
        return java.util.Arrays.stream(values()).map(LimitName::configName).toList();
    }

    private static String uniform(String key) {
        return key.replace("-", "").replace("_", "").toLowerCase(java.util.Locale.ROOT);
    }
}
