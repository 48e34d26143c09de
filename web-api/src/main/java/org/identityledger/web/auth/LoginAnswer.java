package org.identityledger.web.auth;

/** 200 answer of POST /v1/auth/login. */
record LoginAnswer(String accountRef, String state, boolean emailVerified, SessionBody session) {
}
