package org.identityledger.infrastructure.abuse;

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
}
