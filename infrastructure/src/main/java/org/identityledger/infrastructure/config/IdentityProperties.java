package org.identityledger.infrastructure.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/** Every {@code identity.*} setting, with the defaults the README documents. */
@ConfigurationProperties(prefix = "identity")
public class IdentityProperties {

    /** Embedded PostgreSQL data and captured mail; kept across restarts. */
    private Path dataDir = Path.of("./data");
    /** Base of every link the service mails; defaults to http://localhost:{server.port}. */
    private String publicBaseUrl;
    private final NativeApp nativeApp = new NativeApp();
    private final Session session = new Session();
    private final Verification verification = new Verification();
    private final Mail mail = new Mail();
    private final Password password = new Password();
    private final EmbeddedPostgres embeddedPostgres = new EmbeddedPostgres();
    private final PasswordReset passwordReset = new PasswordReset();
    private final Jwt jwt = new Jwt();

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

    public Jwt getJwt() {
        return jwt;
    }

    public static class PasswordReset {
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
        private String audience = "identity-ledger";
        private Duration accessTokenLifetime = Duration.ofMinutes(10);
        /** A new signing key is made when the newest is older than this; old keys keep verifying. */
        private Duration keyRotationInterval = Duration.ofDays(30);
        /** Base64 of 32 bytes sealing the private keys in PostgreSQL; unset: a file in the data dir. */
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
        /** URL scheme of the iPhone app for handoff links. */
        private String appScheme = "identityledger";

        public String getAppScheme() {
            return appScheme;
        }

        public void setAppScheme(String appScheme) {
            this.appScheme = appScheme;
        }
    }

    public static class Session {
        private final Cookie cookie = new Cookie();
        /** OWASP ASVS L2: browser sessions end after 12 hours whatever happens. */
        private Duration browserAbsoluteLifetime = Duration.ofHours(12);
        /** OWASP ASVS L2: and after 30 minutes without a request. */
        private Duration browserIdleTimeout = Duration.ofMinutes(30);
        /** A native session (refresh-token family) ends 30 days after sign-in at the latest. */
        private Duration nativeAbsoluteLifetime = Duration.ofDays(30);
        /** ...or when it has not been refreshed for this long. */
        private Duration nativeIdleTimeout = Duration.ofDays(14);

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
        private Duration pollInterval = Duration.ofMillis(500);
        /** Log each mailed link (only sensible for the local catcher). Unset: on with embedded SMTP. */
        private Boolean logLinks;
        /** Delivery attempts before a message moves to mail_dead_letter. */
        private int maxAttempts = 12;
        /** Messages the outbox holds at most; beyond it requests that would mail answer 503. */
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
        private int port = 2525;

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
        private int argon2MemoryKib = 19_456;
        private int argon2Iterations = 2;
        private int argon2Parallelism = 1;
        /** Hashes computed at once; each holds argon2-memory-kib, so this bounds memory. 0: twice the cores. */
        private int maxConcurrentHashes = 0;

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
        private int port = 0;

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }
    }
}
