package org.identityledger.web.auth;

/** 200 answer of GET /v1/auth/csrf. */
record CsrfAnswer(String csrfToken, String headerName) {
}
