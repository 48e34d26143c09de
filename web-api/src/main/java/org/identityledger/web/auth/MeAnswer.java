package org.identityledger.web.auth;

import java.util.List;

/** 200 answer of GET /v1/auth/me. */
record MeAnswer(String accountRef, String email, String displayName, String state, boolean emailVerified,
                List<String> capabilities, List<Object> memberships, SessionBody session) {
}
