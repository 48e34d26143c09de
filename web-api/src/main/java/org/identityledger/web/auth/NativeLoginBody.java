package org.identityledger.web.auth;

/**
 * POST /v1/auth/native/login. {@code deviceToken}: what an earlier successful sign-in on this device
 * answered, so that guesses from elsewhere cannot throttle this device's sign-in.
 */
record NativeLoginBody(String email, String password, String deviceName, String deviceToken) {
}
