package org.identityledger.web.auth;

/**
 * 200 answer of native login and refresh. {@code deviceToken} only on login: keep it and present it at
 * the next sign-in (null on refresh).
 */
record NativeTokensAnswer(String accessToken, String tokenType, long expiresIn, String refreshToken,
                          long refreshExpiresIn, String sessionId, String accountRef, String deviceToken, String context,
                          String businessId) {
}
