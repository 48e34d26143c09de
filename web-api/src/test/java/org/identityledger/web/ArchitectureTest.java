package org.identityledger.web;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.BeforeAll;
import org.identityledger.web.wrong.WrongWebClass;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The module boundaries of DESIGN.md, enforced. */
class ArchitectureTest {

    private static JavaClasses ledger;

    @BeforeAll
    static void importClasses() {
        ledger = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.identityledger");
    }

    @Test
    void eventsDependOnNothingOfOursAndNoFramework() {
        noClasses().that().resideInAPackage("org.identityledger.events..")
                .should().dependOnClassesThat().resideInAnyPackage("org.identityledger.command..",
                        "org.identityledger.query..", "org.identityledger.infrastructure..", "org.identityledger.web..",
                        "org.springframework..", "jakarta.persistence..")
                .check(ledger);
    }

    /** Past tense: a regular "-ed" participle or one of the irregular ones an event may need. */
    private static final java.util.regex.Pattern PAST_TENSE_EVENT = java.util.regex.Pattern.compile(
            "[A-Z][A-Za-z]*(ed|Sent|Begun|Taken|Made|Held|Kept|Lost|Won|Shown|Given|Withdrawn|Undone|Set|Read)Event");

    @Test
    void everyEventIsARevisionedPastTenseRecord() {
        classes().that().resideInAPackage("org.identityledger.events..").and().haveSimpleNameEndingWith("Event")
                .should().beRecords().andShould().beAnnotatedWith(Revision.class).andShould().bePublic()
                .andShould(pastTense())
                .check(ledger);
    }

    @Test
    void theTenseRuleRefusesAPresentTenseName() {
        assertThat(PAST_TENSE_EVENT.matcher("SessionStartedEvent").matches()).isTrue();
        assertThat(PAST_TENSE_EVENT.matcher("RefreshTokenRotatedEvent").matches()).isTrue();
        assertThat(PAST_TENSE_EVENT.matcher("StartSessionEvent").matches()).isFalse();
        assertThat(PAST_TENSE_EVENT.matcher("AccountRegisterEvent").matches()).isFalse();
    }

    private static com.tngtech.archunit.lang.ArchCondition<com.tngtech.archunit.core.domain.JavaClass> pastTense() {
        return new com.tngtech.archunit.lang.ArchCondition<>("be named in the past tense") {
            @Override
            public void check(com.tngtech.archunit.core.domain.JavaClass event, com.tngtech.archunit.lang.ConditionEvents events) {
                if (!PAST_TENSE_EVENT.matcher(event.getSimpleName()).matches()) {
                    events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(event,
                            event.getSimpleName() + " is not named in the past tense"));
                }
            }
        };
    }

    /** Only the lookup adapters of the command side speak SQL; aggregates and services never do. */
    @Test
    void onlyTheCommandSidesLookupAdaptersUseJdbc() {
        noClasses().that().resideInAPackage("org.identityledger.command..")
                .and().haveSimpleNameNotEndingWith("Lookup").and().haveSimpleNameNotEndingWith("LookupProjection")
                .and().haveSimpleNameNotStartingWith("Jdbc")
                .should().dependOnClassesThat().resideInAPackage("org.springframework.jdbc..")
                .check(ledger);
    }

    /** Query handlers answer; they never write (activity is recorded by SessionActivity, outside them). */
    @Test
    void queryHandlersAreReadOnly() {
        queryHandlersMayNotWrite().check(ledger);
    }

    @Test
    void theReadOnlyRuleCatchesAQueryHandlerThatWrites() {
        JavaClasses writing = new ClassFileImporter().importClasses(WritingQueryHandler.class);
        assertThat(queryHandlersMayNotWrite().evaluate(writing).hasViolation()).isTrue();
    }

    private static com.tngtech.archunit.lang.ArchRule queryHandlersMayNotWrite() {
        return noClasses().that().containAnyMethodsThat(
                        com.tngtech.archunit.base.DescribedPredicate.describe("are query handlers",
                                method -> method.isAnnotatedWith(org.axonframework.queryhandling.QueryHandler.class)))
                .should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe("write with JDBC",
                        call -> call.getTargetOwner().isAssignableTo(org.springframework.jdbc.core.JdbcOperations.class)
                                && java.util.Set.of("update", "batchUpdate", "execute").contains(call.getName())))
                .allowEmptyShould(true);
    }

    /** A deliberately wrong query handler, to show the rule fails on it. */
    static final class WritingQueryHandler {

        private final org.springframework.jdbc.core.JdbcTemplate jdbc = new org.springframework.jdbc.core.JdbcTemplate();

        @org.axonframework.queryhandling.QueryHandler
        Integer handle(String query) {
            return jdbc.update("UPDATE session_view SET last_seen_at = now()");
        }
    }

    @Test
    void theWebLayerSendsCommandsAndQueriesInsteadOfTouchingStorage() {
        noClasses().that().resideInAPackage("org.identityledger.web..")
                .should().dependOnClassesThat().areAssignableTo(org.springframework.data.repository.Repository.class)
                .orShould().dependOnClassesThat().areAssignableTo(org.springframework.jdbc.core.JdbcOperations.class)
                .orShould().dependOnClassesThat().areAssignableTo(jakarta.persistence.EntityManager.class)
                .orShould().dependOnClassesThat().areAssignableTo(javax.sql.DataSource.class)
                .orShould().dependOnClassesThat().areAssignableTo(org.axonframework.eventsourcing.eventstore.EventStore.class)
                .check(ledger);
    }

    /**
     * The web layer reaches the service's machinery only through the ports in command.port; the
     * settings in infrastructure.config are the one published surface it may read.
     */
    @Test
    void theWebLayerNeverImportsInfrastructureInternals() {
        webMayNotImportInfrastructureInternals().check(ledger);
    }

    @Test
    void theInfrastructureRuleCatchesAWebClassThatImportsAnInternal() {
        JavaClasses wrong = new ClassFileImporter().importClasses(WrongWebClass.class);
        assertThat(webMayNotImportInfrastructureInternals().evaluate(wrong).hasViolation()).isTrue();
    }

    private static com.tngtech.archunit.lang.ArchRule webMayNotImportInfrastructureInternals() {
        return noClasses().that().resideInAPackage("org.identityledger.web..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "are infrastructure internals (anything outside infrastructure.config)",
                        type -> type.getPackageName().startsWith("org.identityledger.infrastructure")
                                && !type.getPackageName().startsWith("org.identityledger.infrastructure.config")));
    }

    /**
     * Nothing in the shipped service exists only for benchmarks: the probes (sessions without a
     * password, truncating read models) live in bench/probes, which the service's modules never see.
     */
    @Test
    void theShippedModulesHoldNoBenchmarkProbe() {
        noClasses().should().resideInAPackage("org.identityledger.bench..")
                .orShould().haveSimpleNameContaining("Benchmark")
                .check(ledger);
    }

    /** No path to a staff grant but the roster's: an admin's grant or the bootstrap, both decided there. */
    @Test
    void onlyTheStaffRosterGrantsStaffRoles() {
        noClasses().that().doNotHaveFullyQualifiedName(org.identityledger.command.staff.StaffRoster.class.getName())
                .should().callConstructor(org.identityledger.events.staff.StaffRoleGrantedEvent.class, String.class,
                        org.identityledger.events.staff.StaffRole.class, String.class, Instant.class)
                .check(ledger);
    }

    @Test
    void theDomainTakesTimeAndIdsFromInjectedSources() {
        noClasses().that().resideInAPackage("org.identityledger.command..")
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(UUID.class, "randomUUID")
                .check(ledger);
    }
}
