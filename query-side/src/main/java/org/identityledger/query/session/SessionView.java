package org.identityledger.query.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * The live state of one session, keyed by its public id and found on every request by the SHA-256
 * hash of the secret the client presents. Written by {@link SessionProjection} with plain SQL; this
 * mapping serves the session list.
 */
@Entity
@Table(name = "session_view")
public class SessionView {

    @Id
    @Column(name = "session_id")
    private String sessionId;
    @Column(name = "secret_hash", unique = true)
    private String secretHash;
    @Column(name = "account_ref", nullable = false)
    private String accountRef;
    @Column(name = "transport", nullable = false)
    private String transport;
    @Column(name = "device_name")
    private String deviceName;
    @Column(name = "started_at", nullable = false)
    private Instant startedAt;
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;
    @Column(name = "idle_timeout_seconds", nullable = false)
    private long idleTimeoutSeconds;
    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;
    @Column(name = "revocation_reason")
    private String revocationReason;

    protected SessionView() {
        // for JPA
    }

    boolean isLiveAt(Instant now) {
        return revokedAt == null
                && now.isBefore(expiresAt)
                && now.isBefore(lastSeenAt.plusSeconds(idleTimeoutSeconds));
    }

    public String sessionId() {
        return sessionId;
    }

    public String accountRef() {
        return accountRef;
    }

    public String transport() {
        return transport;
    }

    public String deviceName() {
        return deviceName;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant lastSeenAt() {
        return lastSeenAt;
    }
}
