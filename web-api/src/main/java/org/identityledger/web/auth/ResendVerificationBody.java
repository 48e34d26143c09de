package org.identityledger.web.auth;

/** POST /v1/auth/email/verification. */
record ResendVerificationBody(String email, String nextPath, String returnTarget) {
}
