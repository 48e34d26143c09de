package org.identityledger.web;

import org.identityledger.web.support.Browser;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The address a person signs up with is exactly the mailbox that is compared, stored and mailed. */
class EmailAddressHttpTest extends IntegrationTest {

    @Test
    void aDisplayNameAroundAnExistingAddressIsNotAnAddress() {
        Browser browser = browser();
        String alice = uniqueEmail();
        signUp(browser, alice);

        HttpAnswer answer = browser.postJson("/v1/auth/signup", signupJson("x<" + alice + ">"));

        assertThat(answer.status()).as("signup of x<%s>: %s", alice, answer.body()).isEqualTo(400);
        assertThat(answer.json().path("errors").get(0).path("code").asText()).isEqualTo("INVALID_EMAIL");
    }

    @Test
    void aKelvinSignInTheLocalPartCannotSquatTheAsciiAddress() {
        Browser browser = browser();
        String domain = "@kelvin-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";

        HttpAnswer squatter = browser.postJson("/v1/auth/signup", signupJson("\u212Aim" + domain));
        HttpAnswer owner = browser.postJson("/v1/auth/signup", signupJson("kim" + domain));

        assertThat(squatter.status()).as("Kelvin-sign signup: %s", squatter.body()).isEqualTo(400);
        assertThat(owner.status()).as("real owner's signup: %s", owner.body()).isEqualTo(201);
    }

    @Test
    void anAddressListIsNotAnAddress() {
        for (String list : new String[] {"a@b.c,evil", "a@b.example;c@d.example", "a@b.example c@d.example"}) {
            HttpAnswer answer = browser().postJson("/v1/auth/signup", signupJson(list));
            assertThat(answer.status()).as("signup of %s: %s", list, answer.body()).isEqualTo(400);
        }
    }

    @Test
    void anAddressThatOutgrowsTheLimitOnceNormalisedIsRefusedWith400() {
        String expanding = "a@" + "\u0130".repeat(200) + ".com";

        HttpAnswer answer = browser().postJson("/v1/auth/signup", signupJson(expanding));

        assertThat(answer.status()).as("signup of a@200xİ.com: %s", answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anInternationalDomainIsStoredAndMailedInItsAsciiForm() {
        String local = "person-" + UUID.randomUUID().toString().substring(0, 8);

        HttpAnswer answer = browser().postJson("/v1/auth/signup", signupJson(local + "@B\u00FCcher.example"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.text("email")).isEqualTo(local + "@xn--bcher-kva.example");
        mailbox.awaitMessage(local + "@xn--bcher-kva.example", 1);
    }
}
