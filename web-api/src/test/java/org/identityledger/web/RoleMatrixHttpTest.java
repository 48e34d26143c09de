package org.identityledger.web;

import org.identityledger.web.support.Browser;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role matrix of the contract, generated from one table: every context (customer, business,
 * staff admin) × every protected route family (the APIs and the pages) × cookie and bearer, with the
 * exact status and code (a page shows its code on the page). A cookie is sent as a cookie of its own
 * context (its own name), on every route.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleMatrixHttpTest extends IntegrationTest {

    /** Route family → a representative route of it ("{b}" is the business of the business session). */
    private static final Map<String, String> ROUTES = new LinkedHashMap<>();
    /** "context transport" → expected answer per family, in the order of ROUTES. */
    private static final Map<String, String[]> TABLE = new LinkedHashMap<>();

    static {
        ROUTES.put("customer self-service", "/v1/auth/sessions");
        ROUTES.put("business API", "/v1/businesses/{b}/members");
        ROUTES.put("admin API", "/v1/admin/accounts?email=a");
        ROUTES.put("audit API", "/v1/audit/security-log");
        ROUTES.put("any-context /me", "/v1/auth/me");
        ROUTES.put("business pages", "/business/{h}/");
        ROUTES.put("staff pages", "/admin/");

        // The staff session holds admin, not auditor: the audit API refuses it with FORBIDDEN. A cookie
        // of one context is never read on another context's routes, so it is no session there (401).
        TABLE.put("customer cookie", new String[] {"200", "401 UNAUTHENTICATED", "401 UNAUTHENTICATED", "401 UNAUTHENTICATED", "200",
                "401 UNAUTHENTICATED", "401 UNAUTHENTICATED"});
        TABLE.put("customer bearer", new String[] {"200", "403 CONTEXT_MISMATCH", "403 CONTEXT_MISMATCH", "403 CONTEXT_MISMATCH", "200",
                "403 CONTEXT_MISMATCH", "403 CONTEXT_MISMATCH"});
        TABLE.put("business cookie", new String[] {"401 UNAUTHENTICATED", "401 UNAUTHENTICATED", "401 UNAUTHENTICATED",
                "401 UNAUTHENTICATED", "401 UNAUTHENTICATED", "200", "401 UNAUTHENTICATED"});
        TABLE.put("business bearer", new String[] {"403 CONTEXT_MISMATCH", "200", "403 CONTEXT_MISMATCH", "403 CONTEXT_MISMATCH", "200",
                "200", "403 CONTEXT_MISMATCH"});
        TABLE.put("staff cookie", new String[] {"401 UNAUTHENTICATED", "401 UNAUTHENTICATED", "401 UNAUTHENTICATED",
                "401 UNAUTHENTICATED", "401 UNAUTHENTICATED", "401 UNAUTHENTICATED", "200"});
        TABLE.put("staff bearer", new String[] {"403 CONTEXT_MISMATCH", "403 CONTEXT_MISMATCH", "200", "403 FORBIDDEN", "200",
                "403 CONTEXT_MISMATCH", "200"});
    }

    private final Map<String, Browser> callers = new LinkedHashMap<>();
    private String businessId;
    private String handle;

    @BeforeAll
    void signIn() {
        String email = uniqueEmail();
        makeAdmin(signUpAndVerify(browser(), email));
        Browser customerBearer = bearer(email, "");
        handle = "mx-" + UUID.randomUUID().toString().substring(0, 8);
        businessId = customerBearer.postJson("/v1/account/businesses",
                "{\"name\":\"Matrix\",\"handle\":\"" + handle + "\"}").text("business_id");
        String business = ",\"context\":\"business\",\"business_id\":\"" + businessId + "\"";
        String staff = ",\"context\":\"staff\"";
        callers.put("customer cookie", cookie(email, "", "ledger_session"));
        callers.put("customer bearer", customerBearer);
        callers.put("business cookie", cookie(email, business, "ledger_business_session"));
        callers.put("business bearer", bearer(email, business));
        callers.put("staff cookie", cookie(email, staff, "ledger_staff_session"));
        callers.put("staff bearer", bearer(email, staff));
    }

    private Browser bearer(String email, String contextFields) {
        HttpAnswer login = nativeClient().postJson("/v1/auth/native/login", "{\"email\":\"" + email + "\",\"password\":\""
                + PASSWORD + "\"" + contextFields + "}");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return browser().bearer(login.text("access_token"));
    }

    /** A browser sign-in in that context, whose cookie is then presented as its own name on every route. */
    private Browser cookie(String email, String contextFields, String cookieName) {
        HttpAnswer login = browser().withCsrf().postJson("/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\""
                + PASSWORD + "\"" + contextFields + "}");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        String value = login.headers().allValues("Set-Cookie").stream().filter(header -> header.startsWith(cookieName + "="))
                .findFirst().orElseThrow().replaceAll("^[^=]+=([^;]*);.*$", "$1");
        Browser browser = browser();
        browser.setCookie(cookieName, value);
        return browser;
    }

    @Test
    void everyContextOnEveryRouteFamilyWithCookieAndBearer() {
        List<String> wrong = new ArrayList<>();
        TABLE.forEach((caller, expected) -> {
            int column = 0;
            for (Map.Entry<String, String> family : ROUTES.entrySet()) {
                HttpAnswer answer = callers.get(caller).get(family.getValue().replace("{b}", businessId).replace("{h}", handle));
                String actual = answer.status() == 200 ? "200" : answer.status() + " " + answer.code();
                if (!actual.equals(expected[column])) {
                    wrong.add(caller + " on " + family.getKey() + ": expected " + expected[column] + ", got " + actual);
                }
                column++;
            }
        });
        assertThat(wrong).isEmpty();
    }
}
