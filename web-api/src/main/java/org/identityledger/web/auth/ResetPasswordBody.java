package org.identityledger.web.auth;

/** POST /v1/auth/password/reset. */
record ResetPasswordBody(String token, String newPassword) {
}
