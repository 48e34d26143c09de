package org.identityledger.events;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;

import java.lang.reflect.RecordComponent;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasure will encrypt exactly the fields marked @PersonalData (and treat @CredentialData as never
 * readable), so the marks must be complete: every event field that can hold personal data or a
 * credential derivative is listed here, and a new one fails this test until it is marked and listed.
 */
class PersonalDataAuditTest {

    /** Names that denote personal data wherever they appear in an event. */
    private static final Pattern PERSONAL = Pattern.compile("(?i).*(email|name|phone|address|birth).*");
    /** Names that denote a secret's derivative. */
    private static final Pattern CREDENTIAL = Pattern.compile("(?i).*(hash|password|secret|token).*");

    private static final Set<String> EXPECTED_PERSONAL = Set.of(
            "AccountRegisteredEvent.email", "AccountRegisteredEvent.displayName",
            // Clients name devices after their owners ("Ada's iPhone"): personal, and erased with the rest.
            "SessionStartedEvent.deviceName",
            // The invited person's address: until they join, the invitation is all the ledger knows of them.
            "BusinessInvitationIssuedEvent.email");
    /**
     * Names that look personal but are not: a business's name is its public trade name, shown to
     * anyone who deals with it, and outlives any one member's erasure.
     */
    private static final Set<String> NOT_PERSONAL = Set.of("BusinessCreatedEvent.name");
    private static final Set<String> EXPECTED_CREDENTIAL = Set.of(
            "EmailVerifiedEvent.tokenHash", "PasswordChangedEvent.resetTokenHash",
            "PasswordResetRequestedEvent.tokenHash", "VerificationTokenIssuedEvent.tokenHash",
            "RefreshTokenRotatedEvent.spentTokenHash", "RefreshTokenRotatedEvent.newTokenHash",
            "SessionStartedEvent.secretHash",
            "BusinessInvitationIssuedEvent.tokenHash", "BusinessMemberJoinedEvent.tokenHash");

    @Test
    void everyPersonalOrCredentialFieldOfEveryEventIsMarkedAndListed() throws Exception {
        Set<String> personal = new TreeSet<>();
        Set<String> credential = new TreeSet<>();
        Set<String> unmarked = new TreeSet<>();
        for (Class<?> event : events()) {
            for (RecordComponent component : event.getRecordComponents()) {
                String field = event.getSimpleName() + "." + component.getName();
                boolean markedPersonal = component.isAnnotationPresent(PersonalData.class);
                boolean markedCredential = component.isAnnotationPresent(CredentialData.class);
                if (markedPersonal) {
                    personal.add(field);
                }
                if (markedCredential) {
                    credential.add(field);
                }
                boolean looksPersonal = PERSONAL.matcher(component.getName()).matches();
                boolean looksCredential = CREDENTIAL.matcher(component.getName()).matches();
                if (looksPersonal && !markedPersonal && !NOT_PERSONAL.contains(field) || looksCredential && !markedCredential) {
                    unmarked.add(field);
                }
            }
        }

        assertThat(unmarked).as("fields that look personal or secret but carry no mark").isEmpty();
        assertThat(personal).containsExactlyInAnyOrderElementsOf(EXPECTED_PERSONAL);
        assertThat(credential).containsExactlyInAnyOrderElementsOf(EXPECTED_CREDENTIAL);
    }

    /** Every event with a marked field says whose key seals it and from which revision (SealedLayout refuses otherwise). */
    @Test
    void everyEventWithMarkedFieldsNamesItsDataSubjectAndSealedRevision() throws Exception {
        for (Class<?> event : events()) {
            org.identityledger.events.sealing.SealedLayout.of(event).ifPresent(layout -> {
                assertThat(layout.isSealed(event.getAnnotation(org.axonframework.serialization.Revision.class).value()))
                        .as("%s is stored sealed from its current revision on", event.getSimpleName()).isTrue();
                assertThat(layout.sealedFields()).doesNotContain(layout.subjectField());
            });
        }
    }

    private static Set<Class<?>> events() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile(".*Event")));
        Set<Class<?>> events = new java.util.HashSet<>();
        for (var candidate : scanner.findCandidateComponents("org.identityledger.events")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            if (type.isRecord()) {
                events.add(type);
            }
        }
        assertThat(events).hasSizeGreaterThanOrEqualTo(11);
        return events;
    }
}
