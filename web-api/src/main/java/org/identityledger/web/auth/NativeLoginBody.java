package org.identityledger.web.auth;

/** POST /v1/auth/native/login. */
record NativeLoginBody(String email, String password, String deviceName) {
}
