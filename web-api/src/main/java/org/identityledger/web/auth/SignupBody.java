package org.identityledger.web.auth;

/** POST /v1/auth/signup. */
record SignupBody(String email, String password, String displayName, String nextPath, String returnTarget) {
}
