package org.identityledger.web;

import org.identityledger.command.session.SessionScope;
import org.identityledger.command.session.StartSessionCommand;
import org.identityledger.events.session.SessionTransport;
import org.identityledger.command.port.AccessTokens;
import org.identityledger.web.support.Browser;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session acts only in the context it was opened for: its bearer elsewhere is CONTEXT_MISMATCH,
 * and its cookie value presented as another context's cookie opens nothing.
 */
class SessionContextsHttpTest extends IntegrationTest {

    @Autowired
    private AccessTokens accessTokens;

    @Test
    void aStaffBearerOnACustomerRouteIsAContextMismatchButMayAskWhoItIs() {
        String accountRef = signUp(browser(), uniqueEmail());
        String sessionId = start(accountRef, SessionTransport.NATIVE, UUID.randomUUID().toString(), SessionScope.staff());
        Browser staff = browser().bearer(accessTokens.issue(sessionId, accountRef).token());

        staff.get("/v1/auth/sessions").assertProblem(403, "CONTEXT_MISMATCH");
        HttpAnswer me = staff.get("/v1/auth/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("context")).isEqualTo("staff");
        assertThat(me.json().path("session").path("context").asText()).isEqualTo("staff");
    }

    @Test
    void aBusinessBearerOnACustomerRouteIsAContextMismatch() {
        String accountRef = signUp(browser(), uniqueEmail());
        String sessionId = start(accountRef, SessionTransport.NATIVE, UUID.randomUUID().toString(), SessionScope.business("biz_" + UUID.randomUUID()));
        Browser business = browser().bearer(accessTokens.issue(sessionId, accountRef).token());

        business.get("/v1/auth/sessions").assertProblem(403, "CONTEXT_MISMATCH");
        business.withCsrf().post("/v1/auth/sessions/revoke-others").assertProblem(403, "CONTEXT_MISMATCH");
        assertThat(business.get("/v1/auth/me").text("business_id")).startsWith("biz_");
    }

    @Test
    void aStaffCookieValuePresentedAsTheCustomerCookieOpensNothing() {
        String accountRef = signUp(browser(), uniqueEmail());
        String secret = UUID.randomUUID().toString() + UUID.randomUUID();
        start(accountRef, SessionTransport.BROWSER, secret, SessionScope.staff());
        Browser customer = browser();
        customer.setCookie("ledger_session", secret);

        customer.get("/v1/auth/me").assertProblem(401, "UNAUTHENTICATED");
        customer.get("/v1/auth/sessions").assertProblem(401, "UNAUTHENTICATED");
    }

    @Test
    void aCustomerSessionStillWorksOnCustomerRoutes() {
        String email = uniqueEmail();
        Browser browser = browser();
        signUp(browser, email);
        HttpAnswer login = logIn(browser, email);
        assertThat(login.json().path("session").path("context").asText()).isEqualTo("customer");

        assertThat(browser.get("/v1/auth/sessions").status()).isEqualTo(200);
        assertThat(browser.get("/v1/auth/me").text("context")).isEqualTo("customer");
    }

    private String start(String accountRef, SessionTransport transport, String secret, SessionScope scope) {
        String sessionId = "ses_ctx_" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        commandGateway.sendAndWait(new StartSessionCommand(sessionId, accountRef, 1L, transport, sha256(secret), null, now,
                now.plus(Duration.ofHours(1)), Duration.ofMinutes(30), scope));
        return sessionId;
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
