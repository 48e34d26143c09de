package org.identityledger.web.auth;

/** 200 answer of POST /v1/auth/email/verify. */
record VerifiedAnswer(String accountRef, String state, boolean emailVerified, String nextPath) {
}
