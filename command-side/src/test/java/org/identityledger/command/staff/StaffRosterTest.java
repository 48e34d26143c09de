package org.identityledger.command.staff;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.identityledger.command.common.NotAllowedException;
import org.identityledger.events.staff.StaffRole;
import org.identityledger.events.staff.StaffRoleGrantedEvent;
import org.identityledger.events.staff.StaffRoleRevokedEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The rules of staff grants, one test per rule. */
class StaffRosterTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final String ID = StaffRoster.ID;

    private AggregateTestFixture<StaffRoster> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(StaffRoster.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource((ActiveAdmins) accountRef -> lastActiveAdmin.contains(accountRef));
    }

    /** The accounts the fake admin lookup calls the last active admin (the others being suspended, say). */
    private final java.util.Set<String> lastActiveAdmin = new java.util.HashSet<>();

    @Test
    void cannotRevokeAdminFromTheLastActiveAdminWhileTheOthersAreSuspended() {
        lastActiveAdmin.add("acc_first");
        fixture.given(bootstrapped("acc_first"), new StaffRoleGrantedEvent("acc_second", StaffRole.ADMIN, "acc_first", NOW))
                .when(new RevokeStaffRoleCommand(ID, "acc_first", StaffRole.ADMIN, "acc_first"))
                .expectException(LastAdminException.class)
                .expectNoEvents();
    }

    private static StaffRoleGrantedEvent bootstrapped(String accountRef) {
        return new StaffRoleGrantedEvent(accountRef, StaffRole.ADMIN, StaffRoster.BOOTSTRAP, NOW.minusSeconds(60));
    }

    @Test
    void bootstrapGrantsAdminWhileNoAdminExists() {
        fixture.givenNoPriorActivity()
                .when(new BootstrapAdminCommand(ID, "acc_first"))
                .expectEvents(new StaffRoleGrantedEvent("acc_first", StaffRole.ADMIN, StaffRoster.BOOTSTRAP, NOW))
                .expectResultMessagePayload(true);
    }

    @Test
    void bootstrapGrantsNothingOnceAnAdminExists() {
        fixture.given(bootstrapped("acc_first"))
                .when(new BootstrapAdminCommand(ID, "acc_second"))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void anAdminGrantsARoleNamingThemselvesAsActor() {
        fixture.given(bootstrapped("acc_first"))
                .when(new GrantStaffRoleCommand(ID, "acc_auditor", StaffRole.AUDITOR, "acc_first"))
                .expectEvents(new StaffRoleGrantedEvent("acc_auditor", StaffRole.AUDITOR, "acc_first", NOW));
    }

    @Test
    void noOneButAnAdminGrants() {
        fixture.given(bootstrapped("acc_first"), new StaffRoleGrantedEvent("acc_auditor", StaffRole.AUDITOR, "acc_first", NOW))
                .when(new GrantStaffRoleCommand(ID, "acc_auditor", StaffRole.ADMIN, "acc_auditor"))
                .expectNoEvents()
                .expectException(NotAllowedException.class);
    }

    @Test
    void withoutAnyAdminNoGrantIsPossible() {
        fixture.givenNoPriorActivity()
                .when(new GrantStaffRoleCommand(ID, "acc_self", StaffRole.ADMIN, "acc_self"))
                .expectNoEvents()
                .expectException(NotAllowedException.class);
    }

    @Test
    void cannotRevokeTheLastAdmin() {
        fixture.given(bootstrapped("acc_first"))
                .when(new RevokeStaffRoleCommand(ID, "acc_first", StaffRole.ADMIN, "acc_first"))
                .expectNoEvents()
                .expectException(LastAdminException.class);
    }

    @Test
    void ofTwoAdminsRevokingEachOtherOnlyTheFirstSucceeds() {
        fixture.given(bootstrapped("acc_first"), new StaffRoleGrantedEvent("acc_second", StaffRole.ADMIN, "acc_first", NOW),
                        new StaffRoleRevokedEvent("acc_second", StaffRole.ADMIN, "acc_first", NOW))
                .when(new RevokeStaffRoleCommand(ID, "acc_first", StaffRole.ADMIN, "acc_second"))
                .expectNoEvents()
                .expectException(NotAllowedException.class);
    }

    @Test
    void anAdminRevokesAnotherAdmin() {
        fixture.given(bootstrapped("acc_first"), new StaffRoleGrantedEvent("acc_second", StaffRole.ADMIN, "acc_first", NOW))
                .when(new RevokeStaffRoleCommand(ID, "acc_second", StaffRole.ADMIN, "acc_first"))
                .expectEvents(new StaffRoleRevokedEvent("acc_second", StaffRole.ADMIN, "acc_first", NOW));
    }

    @Test
    void revokingARoleNotHeldIsNotFound() {
        fixture.given(bootstrapped("acc_first"))
                .when(new RevokeStaffRoleCommand(ID, "acc_other", StaffRole.AUDITOR, "acc_first"))
                .expectNoEvents()
                .expectException(StaffGrantNotFoundException.class);
    }
}
