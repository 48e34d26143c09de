package org.identityledger.infrastructure.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;

/** Every {@code identity.*} setting, with the defaults the README documents. */
@ConfigurationProperties(prefix = "identity")
@Validated
public class IdentityProperties {

    /** Embedded PostgreSQL data and captured mail; kept across restarts. */
    @NotNull
    private Path dataDir = Path.of("./data");
    /** Base of every link the service mails; defaults to http://localhost:{server.port}. */
    @Pattern(regexp = "https?://(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9.-]+)(:\\d{1,5})?(/[^\\s?#]*)?",
            message = "must be an absolute http(s) URL without query or fragment, e.g. https://id.example.com")
    private String publicBaseUrl;
    @Valid
    private final NativeApp nativeApp = new NativeApp();
    @Valid
    private final Session session = new Session();
    @Valid
    private final Verification verification = new Verification();
    @Valid
    private final Mail mail = new Mail();
    @Valid
    private final Password password = new Password();
    @Valid
    private final EmbeddedPostgres embeddedPostgres = new EmbeddedPostgres();
    @Valid
    private final PasswordReset passwordReset = new PasswordReset();
    @Valid
    private final Business business = new Business();
    @Valid
    private final Staff staff = new Staff();
    @Valid
    private final Audit audit = new Audit();
    @Valid
    private final Jwt jwt = new Jwt();
    @Valid
    private final Http http = new Http();

    public Http getHttp() {
        return http;
    }

    /** What one request may cost: its body's size and the time to receive it, and the threads bodies may hold. */
    public static class Http {
        @NotNull
        private DataSize maxBodySize = DataSize.ofKilobytes(64);
        /** The whole body must arrive within this; Tomcat's connection-timeout bounds each read only. */
        @DurationMin(millis = 100)
        @NotNull
        private Duration bodyReadTimeout = Duration.ofSeconds(5);
        /** Request threads that requests with a body may hold at once; the rest stay free for reads. */
        @Min(1)
        @Max(10_000)
        private int maxConcurrentBodyRequests = 48;

        public DataSize getMaxBodySize() {
            return maxBodySize;
        }

        public void setMaxBodySize(DataSize maxBodySize) {
            this.maxBodySize = maxBodySize;
        }

        public Duration getBodyReadTimeout() {
            return bodyReadTimeout;
        }

        public void setBodyReadTimeout(Duration bodyReadTimeout) {
            this.bodyReadTimeout = bodyReadTimeout;
        }

        public int getMaxConcurrentBodyRequests() {
            return maxConcurrentBodyRequests;
        }

        public void setMaxConcurrentBodyRequests(int maxConcurrentBodyRequests) {
            this.maxConcurrentBodyRequests = maxConcurrentBodyRequests;
        }
    }

    public Path getDataDir() {
        return dataDir;
    }

    public void setDataDir(Path dataDir) {
        this.dataDir = dataDir;
    }

    public String getPublicBaseUrl() {
        return publicBaseUrl;
    }

    public void setPublicBaseUrl(String publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl;
    }

    public NativeApp getNative() {
        return nativeApp;
    }

    public Session getSession() {
        return session;
    }

    public Verification getVerification() {
        return verification;
    }

    public Mail getMail() {
        return mail;
    }

    public Password getPassword() {
        return password;
    }

    public EmbeddedPostgres getEmbeddedPostgres() {
        return embeddedPostgres;
    }

    public PasswordReset getPasswordReset() {
        return passwordReset;
    }

    public Business getBusiness() {
        return business;
    }

    public Staff getStaff() {
        return staff;
    }

    public Audit getAudit() {
        return audit;
    }

    public static class Audit {
        /** How long the security log keeps an entry. */
        @DurationMin(days = 1)
        @NotNull
        private Duration securityLogRetention = Duration.ofDays(90);

        public Duration getSecurityLogRetention() {
            return securityLogRetention;
        }

        public void setSecurityLogRetention(Duration securityLogRetention) {
            this.securityLogRetention = securityLogRetention;
        }
    }

    public static class Staff {
        /** While no account holds admin, the account with this email becomes admin once its email is verified. */
        private String bootstrapAdminEmail;
        /** Staff act on other people's accounts: their sessions end sooner than customers' (browser and native alike). */
        @DurationMin(minutes = 1)
        @DurationMax(hours = 24)
        @NotNull
        private Duration sessionAbsoluteLifetime = Duration.ofHours(4);
        @DurationMin(minutes = 1)
        @DurationMax(hours = 24)
        @NotNull
        private Duration sessionIdleTimeout = Duration.ofMinutes(15);

        public String getBootstrapAdminEmail() {
            return bootstrapAdminEmail;
        }

        public void setBootstrapAdminEmail(String bootstrapAdminEmail) {
            this.bootstrapAdminEmail = bootstrapAdminEmail;
        }

        public Duration getSessionAbsoluteLifetime() {
            return sessionAbsoluteLifetime;
        }

        public void setSessionAbsoluteLifetime(Duration sessionAbsoluteLifetime) {
            this.sessionAbsoluteLifetime = sessionAbsoluteLifetime;
        }

        public Duration getSessionIdleTimeout() {
            return sessionIdleTimeout;
        }

        public void setSessionIdleTimeout(Duration sessionIdleTimeout) {
            this.sessionIdleTimeout = sessionIdleTimeout;
        }
    }

    public static class Business {
        /** How long an invitation to a business team may be accepted. */
        @DurationMin(hours = 1)
        @DurationMax(days = 90)
        @NotNull
        private Duration invitationLifetime = Duration.ofDays(7);

        public Duration getInvitationLifetime() {
            return invitationLifetime;
        }

        public void setInvitationLifetime(Duration invitationLifetime) {
            this.invitationLifetime = invitationLifetime;
        }
    }

    public Jwt getJwt() {
        return jwt;
    }

    public static class PasswordReset {
        @DurationMin(minutes = 1)
        @NotNull
        private Duration tokenLifetime = Duration.ofMinutes(30);

        public Duration getTokenLifetime() {
            return tokenLifetime;
        }

        public void setTokenLifetime(Duration tokenLifetime) {
            this.tokenLifetime = tokenLifetime;
        }
    }

    public static class Jwt {
        /** The iss claim; unset means the public base URL. */
        private String issuer;
        /** The aud claim of access tokens. */
        @NotBlank
        private String audience = "identity-ledger";
        @DurationMin(seconds = 30)
        @DurationMax(hours = 24)
        @NotNull
        private Duration accessTokenLifetime = Duration.ofMinutes(10);
        /** A new signing key is made when the newest is older than this; old keys keep verifying. */
        @DurationMin(hours = 1)
        @NotNull
        private Duration keyRotationInterval = Duration.ofDays(30);
        /** Base64 of 32 bytes sealing the private keys in PostgreSQL; unset: a file in the data dir. */
        @Pattern(regexp = "\\s*[A-Za-z0-9+/]{43}=\\s*", message = "must be base64 of exactly 32 bytes (44 characters ending in =)")
        private String keyEncryptionKey;

        public String getIssuer() {
            return issuer;
        }

        public void setIssuer(String issuer) {
            this.issuer = issuer;
        }

        public String getAudience() {
            return audience;
        }

        public void setAudience(String audience) {
            this.audience = audience;
        }

        public Duration getAccessTokenLifetime() {
            return accessTokenLifetime;
        }

        public void setAccessTokenLifetime(Duration accessTokenLifetime) {
            this.accessTokenLifetime = accessTokenLifetime;
        }

        public Duration getKeyRotationInterval() {
            return keyRotationInterval;
        }

        public void setKeyRotationInterval(Duration keyRotationInterval) {
            this.keyRotationInterval = keyRotationInterval;
        }

        public String getKeyEncryptionKey() {
            return keyEncryptionKey;
        }

        public void setKeyEncryptionKey(String keyEncryptionKey) {
            this.keyEncryptionKey = keyEncryptionKey;
        }
    }

    public static class NativeApp {
        /**
         * URL scheme of the iPhone app for handoff links, used only when no app-link-base is set. Any
         * app can register the same scheme and receive the token (RFC 8252 §7.1).
         */
        @Pattern(regexp = "[a-z][a-z0-9+.-]*", message = "must be a URL scheme (lower-case letters, digits, +, . or -)")
        private String appScheme = "identityledger";
        /**
         * https base of the app's universal links (e.g. https://app.example.com/ledger); when set,
         * handoff links go there instead of to the scheme, because only the app the domain names
         * in its apple-app-site-association file can open them.
         */
        private String appLinkBase;

        public String getAppScheme() {
            return appScheme;
        }

        public void setAppScheme(String appScheme) {
            this.appScheme = appScheme;
        }

        public String getAppLinkBase() {
            return appLinkBase;
        }

        /** Refused at startup unless a plain https address: anything else is not a universal link. */
        public void setAppLinkBase(String appLinkBase) {
            if (appLinkBase == null || appLinkBase.isBlank()) {
                this.appLinkBase = null;
                return;
            }
            URI uri;
            try {
                uri = new URI(appLinkBase.strip());
            } catch (URISyntaxException malformed) {
                throw new IllegalArgumentException("identity.native.app-link-base is not a URL", malformed);
            }
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getHost().isEmpty()
                    || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException(
                        "identity.native.app-link-base must be an https address without user, query or fragment");
            }
            String base = uri.toString();
            this.appLinkBase = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        }
    }

    public static class Session {
        private final Cookie cookie = new Cookie();
        /** OWASP ASVS L2: browser sessions end after 12 hours whatever happens. */
        @DurationMin(minutes = 1)
        @NotNull
        private Duration browserAbsoluteLifetime = Duration.ofHours(12);
        /** OWASP ASVS L2: and after 30 minutes without a request. */
        @DurationMin(minutes = 1)
        @NotNull
        private Duration browserIdleTimeout = Duration.ofMinutes(30);
        /** A native session (refresh-token family) ends 30 days after sign-in at the latest. */
        @DurationMin(minutes = 1)
        @NotNull
        private Duration nativeAbsoluteLifetime = Duration.ofDays(30);
        /** ...or when it has not been refreshed for this long. */
        @DurationMin(minutes = 1)
        @NotNull
        private Duration nativeIdleTimeout = Duration.ofDays(14);
        /** Live sessions one account may hold; starting another ends the oldest (a ledger event). */
        @Min(1)
        @Max(10_000)
        private int maxLivePerAccount = 100;
        /** Ended (expired or revoked) sessions leave the read models this long after they end; the events stay. */
        @DurationMin(seconds = 0)
        @NotNull
        private Duration purgeAfter = Duration.ofDays(1);

        public int getMaxLivePerAccount() {
            return maxLivePerAccount;
        }

        public void setMaxLivePerAccount(int maxLivePerAccount) {
            this.maxLivePerAccount = maxLivePerAccount;
        }

        public Duration getPurgeAfter() {
            return purgeAfter;
        }

        public void setPurgeAfter(Duration purgeAfter) {
            this.purgeAfter = purgeAfter;
        }

        public Duration getNativeAbsoluteLifetime() {
            return nativeAbsoluteLifetime;
        }

        public void setNativeAbsoluteLifetime(Duration nativeAbsoluteLifetime) {
            this.nativeAbsoluteLifetime = nativeAbsoluteLifetime;
        }

        public Duration getNativeIdleTimeout() {
            return nativeIdleTimeout;
        }

        public void setNativeIdleTimeout(Duration nativeIdleTimeout) {
            this.nativeIdleTimeout = nativeIdleTimeout;
        }

        public Cookie getCookie() {
            return cookie;
        }

        public Duration getBrowserAbsoluteLifetime() {
            return browserAbsoluteLifetime;
        }

        public void setBrowserAbsoluteLifetime(Duration browserAbsoluteLifetime) {
            this.browserAbsoluteLifetime = browserAbsoluteLifetime;
        }

        public Duration getBrowserIdleTimeout() {
            return browserIdleTimeout;
        }

        public void setBrowserIdleTimeout(Duration browserIdleTimeout) {
            this.browserIdleTimeout = browserIdleTimeout;
        }
    }

    public static class Cookie {
        /** Unset means: Secure exactly when the public base URL is https. */
        private Boolean secure;

        public Boolean getSecure() {
            return secure;
        }

        public void setSecure(Boolean secure) {
            this.secure = secure;
        }
    }

    public static class Verification {
        @DurationMin(minutes = 1)
        @NotNull
        private Duration tokenLifetime = Duration.ofHours(24);

        public Duration getTokenLifetime() {
            return tokenLifetime;
        }

        public void setTokenLifetime(Duration tokenLifetime) {
            this.tokenLifetime = tokenLifetime;
        }
    }

    public static class Mail {
        /** Unset means {@code {data-dir}/mail} with the embedded SMTP catcher, off otherwise; empty turns it off. */
        private Path captureDir;
        private String from = "Identity Ledger <no-reply@identity-ledger.local>";
        @DurationMin(millis = 10)
        @NotNull
        private Duration pollInterval = Duration.ofMillis(500);
        /** Log each mailed link (only sensible for the local catcher). Unset: on with embedded SMTP. */
        private Boolean logLinks;
        /** Delivery attempts before a message moves to mail_dead_letter. */
        @Min(1)
        @Max(1_000)
        private int maxAttempts = 12;
        /** Messages the outbox holds at most; beyond it requests that would mail answer 503. */
        @Min(1)
        @Max(10_000_000)
        private int outboxCapacity = 10_000;
        private final EmbeddedSmtp embeddedSmtp = new EmbeddedSmtp();

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public int getOutboxCapacity() {
            return outboxCapacity;
        }

        public void setOutboxCapacity(int outboxCapacity) {
            this.outboxCapacity = outboxCapacity;
        }

        public Path getCaptureDir() {
            return captureDir;
        }

        public void setCaptureDir(Path captureDir) {
            this.captureDir = captureDir;
        }

        public String getFrom() {
            return from;
        }

        public void setFrom(String from) {
            this.from = from;
        }

        public Duration getPollInterval() {
            return pollInterval;
        }

        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }

        public Boolean getLogLinks() {
            return logLinks;
        }

        public void setLogLinks(Boolean logLinks) {
            this.logLinks = logLinks;
        }

        public EmbeddedSmtp getEmbeddedSmtp() {
            return embeddedSmtp;
        }
    }

    public static class EmbeddedSmtp {
        /** Unset means: on exactly when spring.mail.host is not configured. */
        private Boolean enabled;
        /** 0: a free port, logged at start (so several instances can share a host). */
        @Min(0)
        @Max(65_535)
        private int port = 0;

        public Boolean getEnabled() {
            return enabled;
        }

        public void setEnabled(Boolean enabled) {
            this.enabled = enabled;
        }

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }
    }

    public static class Password {
        /** OWASP Password Storage Cheat Sheet: Argon2id m=19 MiB, t=2, p=1. */
        @Min(1_024)
        @Max(4_194_304)
        private int argon2MemoryKib = 19_456;
        @Min(1)
        @Max(100)
        private int argon2Iterations = 2;
        @Min(1)
        @Max(64)
        private int argon2Parallelism = 1;
        /** Hashes computed at once; each holds argon2-memory-kib of pooled memory. 0: one per core (more would not be faster, only take more memory and CPU from reads). */
        @Min(0)
        @Max(1_024)
        private int maxConcurrentHashes = 0;
        /** How long a sign-in may wait for a hash slot before it is shed with 503. */
        @DurationMin(millis = 1)
        @DurationMax(minutes = 1)
        @NotNull
        private Duration maxHashWait = Duration.ofSeconds(1);

        public Duration getMaxHashWait() {
            return maxHashWait;
        }

        public void setMaxHashWait(Duration maxHashWait) {
            this.maxHashWait = maxHashWait;
        }

        public int getMaxConcurrentHashes() {
            return maxConcurrentHashes;
        }

        public void setMaxConcurrentHashes(int maxConcurrentHashes) {
            this.maxConcurrentHashes = maxConcurrentHashes;
        }

        public int getArgon2MemoryKib() {
            return argon2MemoryKib;
        }

        public void setArgon2MemoryKib(int argon2MemoryKib) {
            this.argon2MemoryKib = argon2MemoryKib;
        }

        public int getArgon2Iterations() {
            return argon2Iterations;
        }

        public void setArgon2Iterations(int argon2Iterations) {
            this.argon2Iterations = argon2Iterations;
        }

        public int getArgon2Parallelism() {
            return argon2Parallelism;
        }

        public void setArgon2Parallelism(int argon2Parallelism) {
            this.argon2Parallelism = argon2Parallelism;
        }
    }

    public static class EmbeddedPostgres {
        /** 0 picks a free port at every start. */
        @Min(0)
        @Max(65_535)
        private int port = 0;

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }
    }
}
