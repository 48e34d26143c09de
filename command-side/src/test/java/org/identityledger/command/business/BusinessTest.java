package org.identityledger.command.business;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.identityledger.command.account.TokenAlreadyUsedException;
import org.identityledger.command.account.TokenExpiredException;
import org.identityledger.command.account.TokenInvalidException;
import org.identityledger.command.common.Identifiers;
import org.identityledger.command.common.NotAllowedException;
import org.identityledger.command.common.Secrets;
import org.identityledger.events.business.BusinessCreatedEvent;
import org.identityledger.events.business.BusinessInvitationIssuedEvent;
import org.identityledger.events.business.BusinessInvitationRevokedEvent;
import org.identityledger.events.business.BusinessMemberJoinedEvent;
import org.identityledger.events.business.BusinessMemberRemovedEvent;
import org.identityledger.events.business.BusinessMemberRoleChangedEvent;
import org.identityledger.events.business.BusinessReinstatedEvent;
import org.identityledger.events.business.BusinessRole;
import org.identityledger.events.business.BusinessSuspendedEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** The team rules of a business, one test per rule. */
class BusinessTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final String OWNER = "acc_owner";
    private static final String SECOND_OWNER = "acc_owner2";
    private static final String ADMIN = "acc_admin";
    private static final String MEMBER = "acc_member";
    private static final String HASH = "ab".repeat(32);

    private AggregateTestFixture<Business> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Business.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(new Secrets() {
            @Override
            public IssuedSecret issue() {
                return new IssuedSecret("raw-token", HASH);
            }

            @Override
            public String hash(String rawSecret) {
                return HASH;
            }
        });
        fixture.registerInjectableResource(new Identifiers() {
            @Override
            public String newAccountRef() {
                return "acc_new";
            }

            @Override
            public String newSessionId() {
                return "ses_new";
            }

            @Override
            public String newBusinessId() {
                return "biz_new";
            }

            @Override
            public String newInvitationId() {
                return "inv_1";
            }
        });
        fixture.registerInjectableResource(new InvitationLifetime(Duration.ofDays(7)));
        fixture.registerInjectableResource(new org.identityledger.command.account.AccountMailOutbox() {
            @Override
            public void enqueue(org.identityledger.command.account.AccountMail mail) {
            }

            @Override
            public void discardMailTo(String email) {
            }
        });
    }

    private static BusinessCreatedEvent created() {
        return new BusinessCreatedEvent("biz_1", "ada-motors", "Ada Motors", OWNER, NOW.minusSeconds(60));
    }

    private static BusinessMemberJoinedEvent joined(String accountRef, BusinessRole role, String invitationId) {
        return new BusinessMemberJoinedEvent("biz_1", invitationId, accountRef, role, invitationId.repeat(1) + "-hash", NOW.minusSeconds(30));
    }

    private Object[] team() {
        return new Object[] {created(), joined(ADMIN, BusinessRole.ADMIN, "inv_a"), joined(MEMBER, BusinessRole.MEMBER, "inv_m")};
    }

    @Test
    void theCreatorBecomesTheFirstOwner() {
        fixture.givenNoPriorActivity()
                .when(new CreateBusinessCommand("biz_1", new BusinessHandle("ada-motors"), "Ada Motors", OWNER))
                .expectEvents(new BusinessCreatedEvent("biz_1", "ada-motors", "Ada Motors", OWNER, NOW));
    }

    @Test
    void ownerCanInviteAnOwner() {
        fixture.given(team())
                .when(new InviteMemberCommand("biz_1", OWNER, "new@example.com", BusinessRole.OWNER))
                .expectEvents(new BusinessInvitationIssuedEvent("biz_1", "inv_1", "new@example.com", BusinessRole.OWNER, HASH,
                        OWNER, NOW, NOW.plus(Duration.ofDays(7))))
                .expectResultMessagePayload(new IssuedInvitation("inv_1", "raw-token", NOW.plus(Duration.ofDays(7))));
    }

    @Test
    void adminCanInviteAnAdmin() {
        fixture.given(team())
                .when(new InviteMemberCommand("biz_1", ADMIN, "new@example.com", BusinessRole.ADMIN))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void adminCannotInviteAnOwner() {
        fixture.given(team())
                .when(new InviteMemberCommand("biz_1", ADMIN, "new@example.com", BusinessRole.OWNER))
                .expectNoEvents()
                .expectException(NotAllowedException.class);
    }

    @Test
    void memberCannotInvite() {
        fixture.given(team())
                .when(new InviteMemberCommand("biz_1", MEMBER, "new@example.com", BusinessRole.MEMBER))
                .expectNoEvents()
                .expectException(NotAllowedException.class);
    }

    @Test
    void someoneOffTheTeamLearnsNothing() {
        fixture.given(team())
                .when(new InviteMemberCommand("biz_1", "acc_stranger", "new@example.com", BusinessRole.MEMBER))
                .expectNoEvents()
                .expectException(BusinessNotFoundException.class);
    }

    private Object[] teamWithInvitation(Instant expiresAt) {
        return new Object[] {created(), new BusinessInvitationIssuedEvent("biz_1", "inv_1", "Bob@Example.com", BusinessRole.ADMIN,
                HASH, OWNER, NOW.minusSeconds(10), expiresAt)};
    }

    @Test
    void theInvitedAddressCanAcceptWithTheInvitedRole() {
        fixture.given(teamWithInvitation(NOW.plusSeconds(60)))
                .when(new AcceptInvitationCommand("biz_1", HASH, "acc_bob", "bob@example.com"))
                .expectEvents(new BusinessMemberJoinedEvent("biz_1", "inv_1", "acc_bob", BusinessRole.ADMIN, HASH, NOW))
                .expectResultMessagePayload(BusinessRole.ADMIN);
    }

    @Test
    void anInvitationIsAcceptedOnce() {
        fixture.given(teamWithInvitation(NOW.plusSeconds(60)))
                .andGiven(new BusinessMemberJoinedEvent("biz_1", "inv_1", "acc_bob", BusinessRole.ADMIN, HASH, NOW.minusSeconds(1)))
                .when(new AcceptInvitationCommand("biz_1", HASH, "acc_carol", "bob@example.com"))
                .expectNoEvents()
                .expectException(TokenAlreadyUsedException.class);
    }

    @Test
    void anExpiredInvitationIsRefused() {
        fixture.given(teamWithInvitation(NOW))
                .when(new AcceptInvitationCommand("biz_1", HASH, "acc_bob", "bob@example.com"))
                .expectNoEvents()
                .expectException(TokenExpiredException.class);
    }

    @Test
    void aRevokedInvitationIsRefused() {
        fixture.given(teamWithInvitation(NOW.plusSeconds(60)))
                .andGiven(new BusinessInvitationRevokedEvent("biz_1", "inv_1", OWNER, NOW.minusSeconds(1)))
                .when(new AcceptInvitationCommand("biz_1", HASH, "acc_bob", "bob@example.com"))
                .expectNoEvents()
                .expectException(TokenInvalidException.class);
    }

    @Test
    void onlyTheInvitedAddressMayAccept() {
        fixture.given(teamWithInvitation(NOW.plusSeconds(60)))
                .when(new AcceptInvitationCommand("biz_1", HASH, "acc_eve", "eve@example.com"))
                .expectNoEvents()
                .expectException(InvitationEmailMismatchException.class);
    }

    @Test
    void aMemberCannotJoinTwice() {
        fixture.given(teamWithInvitation(NOW.plusSeconds(60)))
                .when(new AcceptInvitationCommand("biz_1", HASH, OWNER, "bob@example.com"))
                .expectNoEvents()
                .expectException(AlreadyAMemberException.class);
    }

    @Test
    void ownerCanPromoteAMember() {
        fixture.given(team())
                .when(new ChangeMemberRoleCommand("biz_1", OWNER, MEMBER, BusinessRole.ADMIN))
                .expectEvents(new BusinessMemberRoleChangedEvent("biz_1", MEMBER, BusinessRole.MEMBER, BusinessRole.ADMIN, OWNER, NOW));
    }

    @Test
    void adminCanDemoteAnAdmin() {
        fixture.given(team())
                .when(new ChangeMemberRoleCommand("biz_1", ADMIN, ADMIN, BusinessRole.MEMBER))
                .expectEvents(new BusinessMemberRoleChangedEvent("biz_1", ADMIN, BusinessRole.ADMIN, BusinessRole.MEMBER, ADMIN, NOW));
    }

    @Test
    void adminCannotTouchAnOwner() {
        fixture.given(team())
                .when(new ChangeMemberRoleCommand("biz_1", ADMIN, OWNER, BusinessRole.MEMBER))
                .expectNoEvents()
                .expectException(NotAllowedException.class);
    }

    @Test
    void adminCannotMakeAnOwner() {
        fixture.given(team())
                .when(new ChangeMemberRoleCommand("biz_1", ADMIN, MEMBER, BusinessRole.OWNER))
                .expectNoEvents()
                .expectException(NotAllowedException.class);
    }

    @Test
    void memberCannotChangeRoles() {
        fixture.given(team())
                .when(new ChangeMemberRoleCommand("biz_1", MEMBER, MEMBER, BusinessRole.ADMIN))
                .expectNoEvents()
                .expectException(NotAllowedException.class);
    }

    @Test
    void cannotDemoteTheLastOwner() {
        fixture.given(team())
                .when(new ChangeMemberRoleCommand("biz_1", OWNER, OWNER, BusinessRole.ADMIN))
                .expectNoEvents()
                .expectException(LastOwnerException.class);
    }

    @Test
    void cannotRemoveTheLastOwner() {
        fixture.given(team())
                .when(new RemoveMemberCommand("biz_1", OWNER, OWNER))
                .expectNoEvents()
                .expectException(LastOwnerException.class);
    }

    @Test
    void ofTwoOwnersDemotingEachOtherOnlyTheFirstSucceeds() {
        fixture.given(created(), joined(SECOND_OWNER, BusinessRole.OWNER, "inv_o"),
                        new BusinessMemberRoleChangedEvent("biz_1", OWNER, BusinessRole.OWNER, BusinessRole.ADMIN, SECOND_OWNER, NOW))
                .when(new ChangeMemberRoleCommand("biz_1", OWNER, SECOND_OWNER, BusinessRole.ADMIN))
                .expectNoEvents()
                .expectException(NotAllowedException.class);
    }

    @Test
    void anOwnerMayLeaveWhenAnotherOwnerRemains() {
        fixture.given(created(), joined(SECOND_OWNER, BusinessRole.OWNER, "inv_o"))
                .when(new RemoveMemberCommand("biz_1", OWNER, OWNER))
                .expectEvents(new BusinessMemberRemovedEvent("biz_1", OWNER, OWNER, NOW));
    }

    @Test
    void aMemberMayLeave() {
        fixture.given(team())
                .when(new RemoveMemberCommand("biz_1", MEMBER, MEMBER))
                .expectEvents(new BusinessMemberRemovedEvent("biz_1", MEMBER, MEMBER, NOW));
    }

    @Test
    void adminCanRemoveAMemberButNotAnOwner() {
        fixture.given(team())
                .when(new RemoveMemberCommand("biz_1", ADMIN, MEMBER))
                .expectEvents(new BusinessMemberRemovedEvent("biz_1", MEMBER, ADMIN, NOW));
        fixture.given(team())
                .when(new RemoveMemberCommand("biz_1", ADMIN, OWNER))
                .expectNoEvents()
                .expectException(NotAllowedException.class);
    }

    @Test
    void removingSomeoneOffTheTeamIsNotFound() {
        fixture.given(team())
                .when(new RemoveMemberCommand("biz_1", OWNER, "acc_stranger"))
                .expectNoEvents()
                .expectException(MemberNotFoundException.class);
    }

    @Test
    void aSuspendedBusinessFreezesItsTeam() {
        fixture.given(team())
                .andGiven(new BusinessSuspendedEvent("biz_1", "acc_staff", "fraud report", NOW.minusSeconds(1)))
                .when(new ChangeMemberRoleCommand("biz_1", OWNER, MEMBER, BusinessRole.ADMIN))
                .expectNoEvents()
                .expectException(BusinessSuspendedException.class);
    }

    @Test
    void staffSuspendAndReinstateWithAReasonOnce() {
        fixture.given(team())
                .when(new SuspendBusinessCommand("biz_1", "acc_staff", "fraud report"))
                .expectEvents(new BusinessSuspendedEvent("biz_1", "acc_staff", "fraud report", NOW));
        fixture.given(team())
                .andGiven(new BusinessSuspendedEvent("biz_1", "acc_staff", "fraud report", NOW.minusSeconds(1)))
                .when(new ReinstateBusinessCommand("biz_1", "acc_staff", "cleared"))
                .expectEvents(new BusinessReinstatedEvent("biz_1", "acc_staff", "cleared", NOW));
    }
}
