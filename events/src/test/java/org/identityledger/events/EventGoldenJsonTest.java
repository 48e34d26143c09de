package org.identityledger.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.identityledger.events.account.AccountErasedEvent;
import org.identityledger.events.sealing.SealedFieldException;
import org.identityledger.events.sealing.SealedFields;
import org.identityledger.events.sealing.SealedLayout;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.Revision;
import org.identityledger.events.account.AccountDeactivatedEvent;
import org.identityledger.events.account.AccountRegisteredEvent;
import org.identityledger.events.account.AccountReinstatedEvent;
import org.identityledger.events.account.AccountSuspendedEvent;
import org.identityledger.events.account.EmailVerifiedEvent;
import org.identityledger.events.account.PasswordChangedEvent;
import org.identityledger.events.account.PasswordResetRequestedEvent;
import org.identityledger.events.account.SellerCapabilityActivatedEvent;
import org.identityledger.events.account.VerificationTokenIssuedEvent;
import org.identityledger.events.business.BusinessCreatedEvent;
import org.identityledger.events.business.BusinessInvitationIssuedEvent;
import org.identityledger.events.business.BusinessInvitationRevokedEvent;
import org.identityledger.events.business.BusinessMemberJoinedEvent;
import org.identityledger.events.business.BusinessMemberRemovedEvent;
import org.identityledger.events.business.BusinessMemberRoleChangedEvent;
import org.identityledger.events.business.BusinessReinstatedEvent;
import org.identityledger.events.business.BusinessRole;
import org.identityledger.events.business.BusinessSuspendedEvent;
import org.identityledger.events.staff.StaffRole;
import org.identityledger.events.staff.StaffRoleGrantedEvent;
import org.identityledger.events.staff.StaffRoleRevokedEvent;
import org.identityledger.events.session.RefreshTokenRotatedEvent;
import org.identityledger.events.session.SessionContext;
import org.identityledger.events.session.SessionRevocationReason;
import org.identityledger.events.session.SessionRevokedEvent;
import org.identityledger.events.session.SessionStartedEvent;
import org.identityledger.events.session.SessionTransport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.identityledger.events.upcasting.AccountActorUpcaster;
import org.identityledger.events.upcasting.PasswordHashRemovingUpcaster;
import org.identityledger.events.upcasting.SessionContextUpcaster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored shape of every event revision, pinned. If this fails, the change altered what is in
 * the ledger: add a new revision with an upcaster instead (and a new golden file), never edit one.
 * The mapper is EventJson's, the very one the event store's serializer is built from.
 */
class EventGoldenJsonTest {

    private static final String EVENT_ID = "evt_1";
    private static final javax.crypto.SecretKey TEST_KEY = new javax.crypto.spec.SecretKeySpec(
            java.util.HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"), "AES");

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    private static final ObjectMapper MAPPER = EventJson.objectMapper();

    static Stream<Object> events() {
        return Stream.of(
                new AccountRegisteredEvent("acc_1", "ada@example.com", "Ada", AT),
                new VerificationTokenIssuedEvent("acc_1", "ab".repeat(32), AT, AT.plus(Duration.ofHours(24)), "/welcome"),
                new EmailVerifiedEvent("acc_1", "ab".repeat(32), AT),
                new AccountSuspendedEvent("acc_1", "abuse report", "acc_staff", AT),
                new AccountReinstatedEvent("acc_1", "cleared", "acc_staff", AT),
                new AccountDeactivatedEvent("acc_1", "closed by holder", "acc_staff", AT),
                new AccountErasedEvent("acc_1", "requested by the account holder", "acc_1", AT),
                new SessionStartedEvent("ses_1", "acc_1", SessionTransport.BROWSER, "cd".repeat(32), "Firefox", AT,
                        AT.plus(Duration.ofHours(12)), Duration.ofMinutes(30), SessionContext.BUSINESS, "biz_1"),
                new SessionRevokedEvent("ses_1", "acc_1", SessionRevocationReason.LOGOUT, AT),
                new RefreshTokenRotatedEvent("ses_1", "acc_1", "ab".repeat(32), "cd".repeat(32), 1, AT),
                new PasswordResetRequestedEvent("acc_1", "ef".repeat(32), AT, AT.plus(Duration.ofMinutes(30)), "/"),
                new PasswordChangedEvent("acc_1", "ef".repeat(32), AT),
                new SellerCapabilityActivatedEvent("acc_1", AT),
                new BusinessCreatedEvent("biz_1", "ada-motors", "Ada Motors", "acc_1", AT),
                new BusinessInvitationIssuedEvent("biz_1", "inv_1", "bob@example.com", BusinessRole.ADMIN, "ab".repeat(32),
                        "acc_1", AT, AT.plus(Duration.ofDays(7))),
                new BusinessInvitationRevokedEvent("biz_1", "inv_1", "acc_1", AT),
                new BusinessMemberJoinedEvent("biz_1", "inv_1", "acc_2", BusinessRole.ADMIN, "ab".repeat(32), AT),
                new BusinessMemberRoleChangedEvent("biz_1", "acc_2", BusinessRole.ADMIN, BusinessRole.MEMBER, "acc_1", AT),
                new BusinessMemberRemovedEvent("biz_1", "acc_2", "acc_1", AT),
                new BusinessSuspendedEvent("biz_1", "acc_9", "fraud report", AT),
                new BusinessReinstatedEvent("biz_1", "acc_9", "cleared", AT),
                new StaffRoleGrantedEvent("acc_9", StaffRole.ADMIN, "bootstrap", AT),
                new StaffRoleRevokedEvent("acc_8", StaffRole.AUDITOR, "acc_9", AT));
    }

    @ParameterizedTest
    @MethodSource("events")
    void storedShapeMatchesTheGoldenFileAndReadsBack(Object event) throws IOException {
        String revision = event.getClass().getAnnotation(Revision.class).value();
        Path golden = Path.of("src/test/resources/golden", event.getClass().getSimpleName() + ".v" + revision + ".json");
        String actual = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(storedForm(event));
        if (Boolean.getBoolean("golden.write")) {
            Files.writeString(golden, actual + "\n");
        }
        assertThat(golden).as("golden file for %s", event.getClass().getSimpleName()).exists();
        JsonNode expected = MAPPER.readTree(Files.readString(golden));

        assertThat(MAPPER.readTree(actual)).isEqualTo(expected);
        assertThat(MAPPER.treeToValue(readForm(event.getClass(), expected), event.getClass())).isEqualTo(event);
    }

    /**
     * A sealed revision's golden file is the stored form under a fixed test key and counting nonces:
     * it pins the envelope (prefix, nonce, associated data) as well as the field names.
     */
    private static JsonNode storedForm(Object event) {
        ObjectNode tree = MAPPER.valueToTree(event);
        SealedLayout.of(event.getClass()).ifPresent(layout -> {
            // Counting nonces, distinct per event type too: a key never sees one nonce twice (the JDK refuses that).
            AtomicInteger counter = new AtomicInteger();
            int type = event.getClass().getSimpleName().hashCode();
            SealedFields.seal(tree, layout, EVENT_ID, TEST_KEY, () -> java.nio.ByteBuffer.allocate(12)
                    .putInt(type).putInt(0).putInt(counter.incrementAndGet()).array());
        });
        return tree;
    }

    private static JsonNode readForm(Class<?> type, JsonNode stored) {
        ObjectNode tree = stored.deepCopy();
        SealedLayout.of(type).ifPresent(layout -> SealedFields.open(tree, layout, EVENT_ID, TEST_KEY));
        return tree;
    }

    /** Every sealed field of a sealed revision reads "[erased]" once the key is gone; the rest is untouched. */
    @ParameterizedTest
    @MethodSource("events")
    void aSealedRevisionReadsErasedWithoutItsKey(Object event) throws IOException {
        Optional<SealedLayout> layout = SealedLayout.of(event.getClass());
        org.junit.jupiter.api.Assumptions.assumeTrue(layout.isPresent());
        String revision = event.getClass().getAnnotation(Revision.class).value();
        ObjectNode stored = (ObjectNode) MAPPER.readTree(Files.readString(
                Path.of("src/test/resources/golden", event.getClass().getSimpleName() + ".v" + revision + ".json")));
        ObjectNode clear = (ObjectNode) MAPPER.readTree(MAPPER.writeValueAsString(event));

        SealedFields.open(stored, layout.get(), EVENT_ID, null);

        clear.fieldNames().forEachRemaining(field -> {
            if (layout.get().sealedFields().contains(field) && !clear.get(field).isNull()) {
                assertThat(stored.get(field).asText()).as(field).isEqualTo(SealedFields.ERASED);
            } else {
                assertThat(stored.get(field)).as(field).isEqualTo(clear.get(field));
            }
        });
    }

    /** A sealed value opens only in its own event and field: the event id and field name are bound to it. */
    @org.junit.jupiter.api.Test
    void aSealedValueMovedToAnotherEventDoesNotOpen() throws IOException {
        ObjectNode stored = (ObjectNode) MAPPER.readTree(Files.readString(
                Path.of("src/test/resources/golden/AccountRegisteredEvent.v3.json")));
        SealedLayout layout = SealedLayout.of(AccountRegisteredEvent.class).orElseThrow();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SealedFields.open(stored.deepCopy(), layout, "evt_2", TEST_KEY))
                .isInstanceOf(SealedFieldException.class);
        ObjectNode swapped = stored.deepCopy();
        swapped.set("email", stored.get("display_name"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SealedFields.open(swapped, layout, EVENT_ID, TEST_KEY))
                .isInstanceOf(SealedFieldException.class);
    }

    /** The revisions stored in clear before sealing keep loading as they are (the tolerant reader). */
    @ParameterizedTest
    @ValueSource(strings = {"VerificationTokenIssuedEvent.v1", "EmailVerifiedEvent.v1", "PasswordResetRequestedEvent.v1",
            "RefreshTokenRotatedEvent.v1", "BusinessInvitationIssuedEvent.v1", "BusinessMemberJoinedEvent.v1",
            "AccountRegisteredEvent.v2", "PasswordChangedEvent.v2", "SessionStartedEvent.v2"})
    void aRevisionStoredInClearStillLoads(String golden) throws Exception {
        String type = golden.substring(0, golden.indexOf('.'));
        Class<?> eventType = events().map(Object::getClass).filter(c -> c.getSimpleName().equals(type)).findFirst().orElseThrow();
        SealedLayout layout = SealedLayout.of(eventType).orElseThrow();
        String revision = golden.substring(golden.indexOf(".v") + 2);
        JsonNode clear = MAPPER.readTree(Files.readString(Path.of("src/test/resources/golden", golden + ".json")));

        assertThat(layout.isSealed(revision)).isFalse();
        assertThat(layout.isSealed(eventType.getAnnotation(Revision.class).value())).isTrue();
        assertThat(MAPPER.treeToValue(clear, eventType)).isNotNull();
    }

    /** Revision 1 stored the Argon2id hash; reading it through the upcaster yields exactly revision 2. */
    @ParameterizedTest
    @ValueSource(strings = {"AccountRegisteredEvent", "PasswordChangedEvent"})
    void revisionOneReadsAsRevisionTwoWithoutThePasswordHash(String type) throws IOException {
        JsonNode revisionOne = MAPPER.readTree(Files.readString(Path.of("src/test/resources/golden", type + ".v1.json")));
        JsonNode revisionTwo = MAPPER.readTree(Files.readString(Path.of("src/test/resources/golden", type + ".v2.json")));
        assertThat(revisionOne.has("password_hash")).isTrue();

        assertThat(PasswordHashRemovingUpcaster.withoutHash(revisionOne)).isEqualTo(revisionTwo);
    }

    /** Revision 1 sessions were all customer sessions; the upcaster says so in revision 2's shape. */
    @org.junit.jupiter.api.Test
    void aRevisionOneSessionReadsAsACustomerSession() throws IOException {
        JsonNode revisionOne = MAPPER.readTree(Files.readString(Path.of("src/test/resources/golden/SessionStartedEvent.v1.json")));

        JsonNode upcast = SessionContextUpcaster.asCustomerSession(revisionOne);

        SessionStartedEvent read = MAPPER.treeToValue(upcast, SessionStartedEvent.class);
        assertThat(read.context()).isEqualTo(SessionContext.CUSTOMER);
        assertThat(read.businessId()).isNull();
        assertThat(read.sessionId()).isEqualTo("ses_1");
        assertThat(upcast.size()).isEqualTo(MAPPER.readTree(Files.readString(
                Path.of("src/test/resources/golden/SessionStartedEvent.v2.json"))).size());
    }

    /** Revision 1 account state changes did not record the actor; revision 2 reads them as explicitly unrecorded. */
    @ParameterizedTest
    @ValueSource(strings = {"AccountSuspendedEvent", "AccountReinstatedEvent", "AccountDeactivatedEvent"})
    void revisionOneStateChangesReadAsRevisionTwoWithAnUnrecordedActor(String type) throws Exception {
        JsonNode revisionOne = MAPPER.readTree(Files.readString(Path.of("src/test/resources/golden", type + ".v1.json")));
        JsonNode revisionTwo = MAPPER.readTree(Files.readString(Path.of("src/test/resources/golden", type + ".v2.json")));

        JsonNode upcast = AccountActorUpcaster.withUnrecordedActor(revisionOne);

        assertThat(upcast.get("actor_ref").isNull()).isTrue();
        java.util.List<String> upcastFields = new java.util.ArrayList<>();
        upcast.fieldNames().forEachRemaining(upcastFields::add);
        java.util.List<String> currentFields = new java.util.ArrayList<>();
        revisionTwo.fieldNames().forEachRemaining(currentFields::add);
        assertThat(upcastFields).containsExactlyInAnyOrderElementsOf(currentFields);
        MAPPER.treeToValue(upcast, Class.forName("org.identityledger.events.account." + type));
    }
}
