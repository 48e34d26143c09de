package org.identityledger.web.auth;

/** POST /v1/auth/login. */
record LoginBody(String email, String password) {
}
