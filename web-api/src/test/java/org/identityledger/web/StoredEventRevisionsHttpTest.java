package org.identityledger.web;

import org.identityledger.web.support.Browser;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Events written before a shape change keep loading, through the production storage engine's upcasters. */
class StoredEventRevisionsHttpTest extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    @org.springframework.beans.factory.annotation.Qualifier("sessionCache")
    private org.axonframework.common.caching.Cache sessionCache;

    @org.springframework.beans.factory.annotation.Autowired
    private org.axonframework.eventsourcing.eventstore.EventStore eventStore;

    @Test
    void anAccountRegisteredUnderRevisionOneStillLoadsWithoutItsPasswordHash() {
        Browser browser = browser();
        String email = uniqueEmail();
        String accountRef = signUp(browser, email);
        mailbox.awaitVerificationToken(email, 1);
        // Rewrite the stored event into its revision-1 form, as older versions wrote it: in clear (no
        // sealing yet), password hash included.
        assertThat(jdbc.update("UPDATE domain_event_entry SET payload_revision = '1', payload = convert_to(("
                + " convert_from(payload, 'UTF8')::jsonb || jsonb_build_object('email', ?::text, 'display_name', null,"
                + " 'password_hash', '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA')"
                + ")::text, 'UTF8') WHERE aggregate_identifier = ? AND payload_type LIKE '%.AccountRegisteredEvent'", email, accountRef))
                .isEqualTo(1);

        // Resending loads the Account aggregate from its stream: the old revision must read cleanly.
        assertThat(browser.postJson("/v1/auth/email/verification", "{\"email\":\"" + email + "\"}").status()).isEqualTo(202);
        String token = mailbox.awaitVerificationToken(email, 2);
        assertThat(browser.postJson("/v1/auth/email/verify", "{\"token\":\"" + token + "\"}").status()).isEqualTo(200);
    }

    @Test
    void aSessionStartedUnderRevisionOneLoadsAsACustomerSession() {
        Browser browser = browser();
        String email = uniqueEmail();
        signUp(browser, email);
        HttpAnswer login = browser.postJson("/v1/auth/native/login", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        String sessionId = login.text("session_id");
        String refreshToken = login.text("refresh_token");
        // Rewrite the stored event into its revision-1 form, as older versions wrote it: no context, and
        // the secret's hash in clear (no sealing yet).
        assertThat(jdbc.update("UPDATE domain_event_entry SET payload_revision = '1', payload = convert_to(("
                + " (convert_from(payload, 'UTF8')::jsonb - 'context' - 'business_id')"
                + " || jsonb_build_object('secret_hash', encode(sha256(convert_to(?, 'UTF8')), 'hex'), 'device_name', null))::text, 'UTF8')"
                + " WHERE aggregate_identifier = ? AND payload_type LIKE '%.SessionStartedEvent'", refreshToken, sessionId)).isEqualTo(1);
        jdbc.update("DELETE FROM snapshot_event_entry WHERE aggregate_identifier = ?", sessionId);
        sessionCache.removeAll();

        // Every reader of the ledger gets revision 2's shape, saying it was a customer session.
        org.identityledger.events.session.SessionStartedEvent read = (org.identityledger.events.session.SessionStartedEvent)
                eventStore.readEvents(sessionId).next().getPayload();
        assertThat(read.context()).isEqualTo(org.identityledger.events.session.SessionContext.CUSTOMER);
        assertThat(read.businessId()).isNull();
        // Refreshing loads the Session aggregate from that stream: the old revision must read cleanly.
        assertThat(browser.postJson("/v1/auth/native/refresh", "{\"refresh_token\":\"" + refreshToken + "\"}").status())
                .isEqualTo(200);
    }
}
