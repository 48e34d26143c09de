package org.identityledger.web.auth;

/** POST /v1/auth/email/verify. */
record VerifyEmailBody(String token) {
}
