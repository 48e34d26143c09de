package org.identityledger.web;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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

    @Test
    void everyEventIsARevisionedPastTenseRecord() {
        classes().that().resideInAPackage("org.identityledger.events..").and().haveSimpleNameEndingWith("Event")
                .should().beRecords().andShould().beAnnotatedWith(Revision.class).andShould().bePublic()
                .check(ledger);
    }

    @Test
    void querySideNeverDependsOnCommandSide() {
        noClasses().that().resideInAPackage("org.identityledger.query..")
                .should().dependOnClassesThat().resideInAPackage("org.identityledger.command..")
                .check(ledger);
    }

    @Test
    void commandSideDependsOnlyOnEvents() {
        noClasses().that().resideInAPackage("org.identityledger.command..")
                .should().dependOnClassesThat().resideInAnyPackage("org.identityledger.query..",
                        "org.identityledger.infrastructure..", "org.identityledger.web..")
                .check(ledger);
    }

    @Test
    void infrastructureNeverDependsOnTheWeb() {
        noClasses().that().resideInAPackage("org.identityledger.infrastructure..")
                .should().dependOnClassesThat().resideInAPackage("org.identityledger.web..")
                .check(ledger);
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

    @Test
    void theDomainTakesTimeAndIdsFromInjectedSources() {
        noClasses().that().resideInAPackage("org.identityledger.command..")
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(UUID.class, "randomUUID")
                .check(ledger);
    }
}
