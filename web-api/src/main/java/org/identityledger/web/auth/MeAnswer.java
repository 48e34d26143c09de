package org.identityledger.web.auth;

import org.identityledger.query.account.Membership;

import java.util.List;

/** 200 answer of GET /v1/auth/me: the account, and the session's context (any context may ask). */
record MeAnswer(String accountRef, String email, String displayName, String state, boolean emailVerified,
                List<String> capabilities, List<Membership> memberships, List<String> staffRoles, String context,
                String businessId, SessionBody session) {
}
