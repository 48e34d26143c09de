package org.identityledger.web.business;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.axonframework.queryhandling.QueryGateway;
import org.identityledger.command.business.IssuedInvitation;
import org.identityledger.command.business.TeamService;
import org.identityledger.events.business.BusinessRole;
import org.identityledger.query.authorization.ListMembersQuery;
import org.identityledger.query.authorization.ListOpenInvitationsQuery;
import org.identityledger.query.authorization.OpenInvitations;
import org.identityledger.query.authorization.TeamMembers;
import org.identityledger.query.session.LiveSession;
import org.identityledger.web.paging.ListCursor;
import org.identityledger.web.paging.ListPage;
import org.identityledger.web.security.SessionResolver;
import org.springdoc.core.annotations.ParameterObject;
import org.identityledger.web.validation.RequestValues;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * A business team's APIs, for a business-context bearer session of that business only (the route
 * family and the session resolver decide; another business's routes answer 404). Who may change
 * what is the Business aggregate's decision (403 FORBIDDEN, 409 LAST_OWNER).
 */
@RestController
class BusinessTeamController {

    private final SessionResolver sessionResolver;
    private final TeamService teamService;
    private final QueryGateway queryGateway;

    BusinessTeamController(SessionResolver sessionResolver, TeamService teamService, QueryGateway queryGateway) {
        this.sessionResolver = sessionResolver;
        this.teamService = teamService;
        this.queryGateway = queryGateway;
    }

    @GetMapping("/v1/businesses/{business_id}/members")
    ResponseEntity<MembersAnswer> members(@PathVariable("business_id") String businessId, @Valid @ParameterObject ListPage page,
                                          HttpServletRequest request) {
        sessionResolver.require(request);
        TeamMembers team = queryGateway.query(new ListMembersQuery(businessId, page.size(), page.after()), TeamMembers.class).join();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new MembersAnswer(team.members(), ListCursor.encode(team.next())));
    }

    @PostMapping(path = "/v1/businesses/{business_id}/invitations", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<InvitationAnswer> invite(@PathVariable("business_id") String businessId, @Valid @RequestBody InvitationBody body,
                                            HttpServletRequest request) {
        LiveSession session = sessionResolver.require(request);
        String email = RequestValues.mailAddress(body.email());
        BusinessRole role = BusinessRole.fromWireName(body.role()).orElseThrow();
        IssuedInvitation issued = teamService.invite(businessId, session.accountRef(), email, role);
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(new InvitationAnswer(issued.invitationId(), email, role.wireName(), issued.expiresAt()));
    }

    @GetMapping("/v1/businesses/{business_id}/invitations")
    ResponseEntity<InvitationsAnswer> invitations(@PathVariable("business_id") String businessId,
                                                  @Valid @ParameterObject ListPage page, HttpServletRequest request) {
        sessionResolver.require(request);
        OpenInvitations open = queryGateway.query(new ListOpenInvitationsQuery(businessId, page.size(), page.after()),
                OpenInvitations.class).join();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new InvitationsAnswer(open.invitations(), ListCursor.encode(open.next())));
    }

    @DeleteMapping("/v1/businesses/{business_id}/invitations/{invitation_id}")
    ResponseEntity<Void> revokeInvitation(@PathVariable("business_id") String businessId,
                                          @PathVariable("invitation_id") String invitationId, HttpServletRequest request) {
        LiveSession session = sessionResolver.require(request);
        teamService.revokeInvitation(businessId, session.accountRef(), invitationId);
        return ResponseEntity.noContent().build();
    }

    @PutMapping(path = "/v1/businesses/{business_id}/members/{account_ref}", consumes = MediaType.APPLICATION_JSON_VALUE)
    MemberAnswer changeRole(@PathVariable("business_id") String businessId, @PathVariable("account_ref") String accountRef,
                            @Valid @RequestBody RoleBody body, HttpServletRequest request) {
        LiveSession session = sessionResolver.require(request);
        BusinessRole role = BusinessRole.fromWireName(body.role()).orElseThrow();
        teamService.changeRole(businessId, session.accountRef(), accountRef, role);
        return new MemberAnswer(accountRef, role.wireName());
    }

    @DeleteMapping("/v1/businesses/{business_id}/members/{account_ref}")
    ResponseEntity<Void> remove(@PathVariable("business_id") String businessId, @PathVariable("account_ref") String accountRef,
                                HttpServletRequest request) {
        LiveSession session = sessionResolver.require(request);
        teamService.remove(businessId, session.accountRef(), accountRef);
        return ResponseEntity.noContent().build();
    }

    record MembersAnswer(List<TeamMembers.Member> members, String nextCursor) {
    }

    record InvitationsAnswer(List<OpenInvitations.Invitation> invitations, String nextCursor) {
    }

    record InvitationAnswer(String invitationId, String email, String role, Instant expiresAt) {
    }

    record MemberAnswer(String accountRef, String role) {
    }
}
