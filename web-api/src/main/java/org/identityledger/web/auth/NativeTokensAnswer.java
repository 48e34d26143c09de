package org.identityledger.web.auth;

/** 200 answer of native login and refresh. */
record NativeTokensAnswer(String accessToken, String tokenType, long expiresIn, String refreshToken,
                          long refreshExpiresIn, String sessionId, String accountRef) {
}
