package org.identityledger.web.auth;

/** POST /v1/auth/native/refresh. */
record RefreshBody(String refreshToken) {
}
