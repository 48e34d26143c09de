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
 * Every permission of the vocabulary for every kind of caller, from one table: the decision comes
 * from the live session and the authorization read model.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationDecisionsHttpTest extends IntegrationTest {

    private static final String[] PERMISSIONS = {"seller.list", "business.read", "business.manage_members",
            "business.manage_owners", "staff.admin", "staff.audit"};

    /** Caller → the expected answer per permission, in the order of PERMISSIONS ("+" allowed, "-reason" denied). */
    private static final Map<String, String[]> TABLE = new LinkedHashMap<>();

    static {
        TABLE.put("owner", new String[] {"-wrong_context", "+", "+", "+", "-wrong_context", "-wrong_context"});
        TABLE.put("admin member", new String[] {"-wrong_context", "+", "+", "-role_too_low", "-wrong_context", "-wrong_context"});
        TABLE.put("member", new String[] {"-wrong_context", "+", "-role_too_low", "-role_too_low", "-wrong_context", "-wrong_context"});
        TABLE.put("non-member", new String[] {"-wrong_context", "-not_a_member", "-not_a_member", "-not_a_member", "-wrong_context",
                "-wrong_context"});
        TABLE.put("seller", new String[] {"+", "-wrong_context", "-wrong_context", "-wrong_context", "-wrong_context", "-wrong_context"});
        TABLE.put("non-seller", new String[] {"-not_a_seller", "-wrong_context", "-wrong_context", "-wrong_context", "-wrong_context",
                "-wrong_context"});
        TABLE.put("staff admin", new String[] {"-wrong_context", "-wrong_context", "-wrong_context", "-wrong_context", "+",
                "-no_staff_role"});
    }

    private final Map<String, Browser> callers = new LinkedHashMap<>();
    private String businessId;

    private Browser bearer(String email, String contextFields) {
        HttpAnswer login = nativeClient().postJson("/v1/auth/native/login", "{\"email\":\"" + email + "\",\"password\":\""
                + PASSWORD + "\"" + contextFields + "}");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return browser().bearer(login.text("access_token"));
    }

    private String verified() {
        String email = uniqueEmail();
        signUpAndVerify(browser(), email);
        return email;
    }

    private String member(Browser ownerSession, String role) {
        String email = verified();
        ownerSession.postJson("/v1/businesses/" + businessId + "/invitations", "{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}");
        assertThat(bearer(email, "").postJson("/v1/account/invitations/accept",
                "{\"token\":\"" + mailbox.awaitInvitationToken(email, 2) + "\"}").status()).isEqualTo(200);
        return email;
    }

    @BeforeAll
    void setUpCallers() {
        String owner = verified();
        businessId = bearer(owner, "").postJson("/v1/account/businesses",
                "{\"name\":\"Decisions\",\"handle\":\"dec-" + UUID.randomUUID().toString().substring(0, 8) + "\"}").text("business_id");
        String inBusiness = ",\"context\":\"business\",\"business_id\":\"" + businessId + "\"";
        Browser ownerSession = bearer(owner, inBusiness);
        callers.put("owner", ownerSession);
        callers.put("admin member", bearer(member(ownerSession, "admin"), inBusiness));
        callers.put("member", bearer(member(ownerSession, "member"), inBusiness));
        String stranger = verified();
        String otherBusiness = bearer(stranger, "").postJson("/v1/account/businesses",
                "{\"name\":\"Other\",\"handle\":\"oth-" + UUID.randomUUID().toString().substring(0, 8) + "\"}").text("business_id");
        callers.put("non-member", bearer(stranger, ",\"context\":\"business\",\"business_id\":\"" + otherBusiness + "\""));
        String seller = verified();
        bearer(seller, "").post("/v1/account/seller");
        callers.put("seller", bearer(seller, ""));
        callers.put("non-seller", bearer(verified(), ""));
        String admin = verified();
        makeAdmin(jdbc.queryForObject("SELECT account_ref FROM account_view WHERE email = ?", String.class, admin));
        callers.put("staff admin", bearer(admin, ",\"context\":\"staff\""));
    }

    @Test
    void everyPermissionIsDecidedForEveryCaller() {
        List<String> wrong = new ArrayList<>();
        TABLE.forEach((caller, expected) -> {
            for (int i = 0; i < PERMISSIONS.length; i++) {
                HttpAnswer answer = callers.get(caller).postJson("/v1/authz/decisions",
                        "{\"permission\":\"" + PERMISSIONS[i] + "\",\"business_id\":\"" + businessId + "\"}");
                String actual = answer.status() != 200 ? "HTTP " + answer.status()
                        : answer.json().path("allowed").asBoolean() ? "+" : "-" + answer.text("reason");
                if (!actual.equals(expected[i])) {
                    wrong.add(caller + " / " + PERMISSIONS[i] + ": expected " + expected[i] + ", got " + actual);
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void anUnknownPermissionIsInvalidAndADeadSessionUnauthenticated() {
        callers.get("owner").postJson("/v1/authz/decisions", "{\"permission\":\"business.delete\"}").assertProblem(400, "VALIDATION_FAILED");
        browser().bearer("not-a-token").postJson("/v1/authz/decisions", "{\"permission\":\"seller.list\"}")
                .assertProblem(401, "UNAUTHENTICATED");
    }
}
