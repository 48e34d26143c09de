package org.identityledger.web.auth;

/** POST /v1/auth/password/reset-request. */
record ResetRequestBody(String email, String nextPath, String returnTarget) {
}
