package org.identityledger.command.port;

/**
 * The security log: failed logins, refused permissions, rate-limit hits, audit reads. Recording
 * never slows or fails the request that causes it: an entry the bounded buffer cannot take is
 * dropped and counted, never waited for.
 */
public interface SecurityLog {

    void record(Entry entry);

    /** {@code type}: login_failed, permission_denied, rate_limited or audit_read. */
    record Entry(String type, String accountRef, String actorRef, String ip, String detail) {
    }
}
