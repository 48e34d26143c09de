package org.identityledger.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.identityledger.web.support.Browser;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Selling and opening a business are for people who proved their email address. */
class AccountCapabilitiesHttpTest extends IntegrationTest {

    private static String handle() {
        return "shop-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Browser signedInAs(String email) {
        return browser().bearer(nativeLogIn(email).text("access_token"));
    }

    @Test
    void sellerActivationIsRefusedBeforeEmailVerificationAndAllowedAfter() {
        String email = uniqueEmail();
        Browser browser = browser();
        String accountRef = signUp(browser, email);
        signedInAs(email).post("/v1/account/seller").assertProblem(403, "EMAIL_NOT_VERIFIED");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type LIKE '%.SellerCapabilityActivatedEvent'", Long.class, accountRef)).isZero();

        String token = mailbox.awaitVerificationToken(email, 1);
        assertThat(browser.postJson("/v1/auth/email/verify", "{\"token\":\"" + token + "\"}").status()).isEqualTo(200);
        Browser person = signedInAs(email);
        HttpAnswer activated = person.post("/v1/account/seller");

        assertThat(activated.status()).isEqualTo(200);
        assertThat(activated.json().path("capabilities").toString()).isEqualTo("[\"buyer\",\"seller\"]");
        assertThat(person.get("/v1/auth/me").json().path("capabilities").toString()).isEqualTo("[\"buyer\",\"seller\"]");
        assertThat(person.post("/v1/account/seller").status()).as("activating twice changes nothing").isEqualTo(200);
    }

    @Test
    void businessCreationIsRefusedBeforeEmailVerificationAndAllowedAfter() {
        String email = uniqueEmail();
        signUp(browser(), email);
        String handle = handle();
        String body = "{\"name\":\"Ada Motors\",\"handle\":\"" + handle + "\"}";
        signedInAs(email).postJson("/v1/account/businesses", body).assertProblem(403, "EMAIL_NOT_VERIFIED");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM business_handle_lookup WHERE handle_normalized = ?", Long.class, handle))
                .isZero();

        String verifiedEmail = uniqueEmail();
        signUpAndVerify(browser(), verifiedEmail);
        Browser owner = signedInAs(verifiedEmail);
        HttpAnswer created = owner.postJson("/v1/account/businesses", body);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("business_id")).startsWith("biz_");
        assertThat(created.text("role")).isEqualTo("owner");
        assertThat(created.text("state")).isEqualTo("active");
        JsonNode membership = owner.get("/v1/auth/me").json().path("memberships").get(0);
        assertThat(membership.path("business_id").asText()).isEqualTo(created.text("business_id"));
        assertThat(membership.path("handle").asText()).isEqualTo(handle);
        assertThat(membership.path("role").asText()).isEqualTo("owner");
    }

    @Test
    void aTakenHandleIsAConflictAndABadOneIsInvalid() {
        String email = uniqueEmail();
        signUpAndVerify(browser(), email);
        Browser owner = signedInAs(email);
        String handle = handle();
        assertThat(owner.postJson("/v1/account/businesses", "{\"name\":\"First\",\"handle\":\"" + handle + "\"}").status()).isEqualTo(201);

        owner.postJson("/v1/account/businesses", "{\"name\":\"Second\",\"handle\":\"" + handle + "\"}").assertProblem(409, "HANDLE_TAKEN");
        HttpAnswer invalid = owner.postJson("/v1/account/businesses", "{\"name\":\"Third\",\"handle\":\"-Nope\"}");
        invalid.assertProblem(400, "VALIDATION_FAILED");
        assertThat(invalid.json().path("errors").get(0).path("field").asText()).isEqualTo("handle");
    }
}
