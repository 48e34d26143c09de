package org.identityledger.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.axonframework.queryhandling.QueryGateway;
import org.identityledger.command.business.BusinessHandle;
import org.identityledger.command.business.TeamService;
import org.identityledger.events.business.BusinessRole;
import org.identityledger.query.account.AccountSummary;
import org.identityledger.query.authorization.AuthorizationFacts;
import org.identityledger.query.authorization.BusinessSummary;
import org.identityledger.query.authorization.FindAuthorizationFactsQuery;
import org.identityledger.query.authorization.FindBusinessByHandleQuery;
import org.identityledger.query.authorization.ListMembersQuery;
import org.identityledger.query.authorization.ListOpenInvitationsQuery;
import org.identityledger.query.authorization.OpenInvitations;
import org.identityledger.query.authorization.Permission;
import org.identityledger.query.authorization.TeamMembers;
import org.identityledger.query.session.LiveSession;
import org.identityledger.web.auth.Accounts;
import org.identityledger.web.business.InvitationBody;
import org.identityledger.web.business.RoleBody;
import org.identityledger.web.paging.ListCursor;
import org.identityledger.web.paging.ListPage;
import org.identityledger.web.problem.NotFoundException;
import org.identityledger.web.security.SessionResolver;
import org.identityledger.web.validation.RequestValues;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * A business's team page, for a business-context session of that business (its cookie, or a bearer
 * of that context): the members with their roles, the pending invitations, and forms to invite,
 * change a role, remove a member (or leave) and revoke an invitation. The session resolver decides
 * who may open it (another business's page is 404); the forms shown follow the permission
 * vocabulary's rules, and every change is still the Business aggregate's decision (403, 409
 * LAST_OWNER on a page). Each form posts, then the browser is sent back here (post/redirect/get).
 */
@Controller
class BusinessTeamPage {

    private static final String TEAM = "/business/{handle}/";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    /** The notes a finished change leaves; anything else in {@code done} is ignored, never echoed. */
    private static final Map<String, String> DONE = Map.of(
            "invited", "The invitation is on its way.",
            "revoked", "The invitation was revoked.",
            "role", "The role was changed.",
            "removed", "The member was removed.");

    private final SessionResolver sessionResolver;
    private final QueryGateway queryGateway;
    private final TeamService teamService;
    private final Accounts accounts;
    private final PageForms pageForms;

    BusinessTeamPage(SessionResolver sessionResolver, QueryGateway queryGateway, TeamService teamService, Accounts accounts,
                     PageForms pageForms) {
        this.sessionResolver = sessionResolver;
        this.queryGateway = queryGateway;
        this.teamService = teamService;
        this.accounts = accounts;
        this.pageForms = pageForms;
    }

    /** The address without its slash is the same page. */
    @GetMapping("/business/{handle}")
    ResponseEntity<String> withoutSlash(@PathVariable("handle") String handle) {
        if (!BusinessHandle.SHAPE.matcher(handle).matches()) {
            throw new NotFoundException("No such business.");
        }
        return PageHtml.seeOther(BusinessPages.teamPath(handle));
    }

    @GetMapping(TEAM)
    ResponseEntity<String> show(@PathVariable("handle") String handle, @RequestParam(name = "done", required = false) String done,
                                @RequestParam(name = "cursor", required = false) String cursor,
                                HttpServletRequest request, HttpServletResponse response) {
        LiveSession session = sessionResolver.require(request);
        BusinessSummary business = business(handle);
        AuthorizationFacts facts = queryGateway.query(new FindAuthorizationFactsQuery(session.accountRef(),
                session.context().wireName(), session.businessId(), session.staffRoles()), AuthorizationFacts.class).join();
        boolean managesMembers = Permission.BUSINESS_MANAGE_MEMBERS.decide(facts).allowed();
        boolean managesOwners = Permission.BUSINESS_MANAGE_OWNERS.decide(facts).allowed();
        String csrf = pageForms.csrfToken(request, response);
        AccountSummary me = accounts.find(session.accountRef());
        // A malformed cursor is just the first page: a page has no field to name in an error.
        TeamMembers team = queryGateway.query(new ListMembersQuery(business.businessId(), ListPage.MAX_SIZE,
                ListCursor.decode(cursor).orElse(null)), TeamMembers.class).join();
        OpenInvitations invitations = queryGateway.query(new ListOpenInvitationsQuery(business.businessId(), ListPage.MAX_SIZE, null),
                OpenInvitations.class).join();

        StringBuilder body = new StringBuilder();
        if (done != null && DONE.containsKey(done)) {
            body.append("<p class=\"done\">").append(PageHtml.escape(DONE.get(done))).append("</p>");
        }
        body.append("<p>Signed in as ").append(PageHtml.escape(me.email())).append(" (")
                .append(PageHtml.escape(facts.membershipRole())).append(") to <strong>").append(PageHtml.escape(business.handle()))
                .append("</strong>.</p><form method=\"post\" action=\"").append(BusinessPages.SIGN_OUT).append("\">")
                .append(PageHtml.csrfField(csrf)).append(PageHtml.hidden("handle", handle))
                .append("<button type=\"submit\">Sign out</button></form>");
        body.append(members(handle, team, session.accountRef(), managesMembers, managesOwners, csrf));
        body.append(invitations(handle, invitations, managesMembers, csrf));
        if (managesMembers) {
            body.append("<h2>Invite someone</h2><form method=\"post\" action=\"").append(PageHtml.escape(BusinessPages.teamPath(handle)))
                    .append("invitations\">").append(PageHtml.csrfField(csrf))
                    .append("<p><label>Email address <input type=\"email\" name=\"email\" required></label></p>")
                    .append("<p><label>Role ").append(roleSelect("member", managesOwners)).append("</label></p>")
                    .append("<button type=\"submit\">Send invitation</button></form>");
        }
        return PageHtml.widePage(200, business.name() + " — team", body.toString());
    }

    @PostMapping(path = TEAM + "invitations", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> invite(@PathVariable("handle") String handle, @Valid InvitationBody form, BindingResult problems,
                                  HttpServletRequest request) {
        LiveSession session = sessionResolver.require(request);
        PageForms.refuseInvalid(problems);
        teamService.invite(session.businessId(), session.accountRef(), RequestValues.mailAddress(form.email()),
                BusinessRole.fromWireName(form.role()).orElseThrow());
        return PageHtml.seeOther(BusinessPages.teamPath(handle) + "?done=invited");
    }

    @PostMapping(TEAM + "invitations/{invitation_id}/revoke")
    ResponseEntity<String> revoke(@PathVariable("handle") String handle, @PathVariable("invitation_id") String invitationId,
                                  HttpServletRequest request) {
        LiveSession session = sessionResolver.require(request);
        teamService.revokeInvitation(session.businessId(), session.accountRef(), invitationId);
        return PageHtml.seeOther(BusinessPages.teamPath(handle) + "?done=revoked");
    }

    @PostMapping(path = TEAM + "members/{account_ref}/role", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> changeRole(@PathVariable("handle") String handle, @PathVariable("account_ref") String accountRef,
                                      @Valid RoleBody form, BindingResult problems, HttpServletRequest request) {
        LiveSession session = sessionResolver.require(request);
        PageForms.refuseInvalid(problems);
        teamService.changeRole(session.businessId(), session.accountRef(), accountRef, BusinessRole.fromWireName(form.role()).orElseThrow());
        return PageHtml.seeOther(BusinessPages.teamPath(handle) + "?done=role");
    }

    @PostMapping(TEAM + "members/{account_ref}/remove")
    ResponseEntity<String> remove(@PathVariable("handle") String handle, @PathVariable("account_ref") String accountRef,
                                  HttpServletRequest request) {
        LiveSession session = sessionResolver.require(request);
        teamService.remove(session.businessId(), session.accountRef(), accountRef);
        // Leaving ends one's own business sessions with the membership: back to the sign-in page.
        return PageHtml.seeOther(accountRef.equals(session.accountRef()) ? BusinessPages.signInPath(handle)
                : BusinessPages.teamPath(handle) + "?done=removed");
    }

    private BusinessSummary business(String handle) {
        BusinessSummary business = queryGateway.query(new FindBusinessByHandleQuery(handle), BusinessSummary.class).join();
        if (business == null) {
            throw new NotFoundException("No such business.");
        }
        return business;
    }

    private static String members(String handle, TeamMembers team, String myself, boolean managesMembers, boolean managesOwners,
                                  String csrf) {
        StringBuilder html = new StringBuilder("<h2>Members</h2><table><thead><tr><th>Member</th><th>Role</th><th>Joined</th>"
                + "<th></th></tr></thead><tbody>");
        for (TeamMembers.Member member : team.members()) {
            String memberPath = BusinessPages.teamPath(handle) + "members/" + member.accountRef() + "/";
            boolean isOwner = "owner".equals(member.role());
            boolean mayTouch = managesMembers && (!isOwner || managesOwners);
            html.append("<tr data-account=\"").append(PageHtml.escape(member.accountRef())).append("\"><td>")
                    .append(PageHtml.escape(member.email()))
                    .append(member.displayName() == null ? "" : "<br><span class=\"note\">" + PageHtml.escape(member.displayName()) + "</span>")
                    .append("</td><td>").append(PageHtml.escape(member.role())).append("</td><td>")
                    .append(DAY.format(member.joinedAt())).append("</td><td>");
            if (mayTouch) {
                html.append("<form method=\"post\" action=\"").append(PageHtml.escape(memberPath)).append("role\">")
                        .append(PageHtml.csrfField(csrf)).append(roleSelect(member.role(), managesOwners))
                        .append(" <button type=\"submit\">Change role</button></form> ");
            }
            if (member.accountRef().equals(myself)) {
                html.append(PageHtml.buttonForm(memberPath + "remove", csrf, "Leave"));
            } else if (mayTouch) {
                html.append(PageHtml.buttonForm(memberPath + "remove", csrf, "Remove"));
            }
            html.append("</td></tr>");
        }
        html.append("</tbody></table>");
        if (team.next() != null) {
            html.append(PageHtml.link(BusinessPages.teamPath(handle) + "?cursor=" + ListCursor.encode(team.next()), "More members"));
        }
        return html.toString();
    }

    private static String invitations(String handle, OpenInvitations open, boolean managesMembers, String csrf) {
        StringBuilder html = new StringBuilder("<h2>Pending invitations</h2>");
        if (open.invitations().isEmpty()) {
            return html.append("<p class=\"note\">None.</p>").toString();
        }
        html.append("<table><thead><tr><th>Email</th><th>Role</th><th>Expires</th><th></th></tr></thead><tbody>");
        for (OpenInvitations.Invitation invitation : open.invitations()) {
            html.append("<tr><td>").append(PageHtml.escape(invitation.email())).append("</td><td>")
                    .append(PageHtml.escape(invitation.role())).append("</td><td>").append(DAY.format(invitation.expiresAt()))
                    .append("</td><td>");
            if (managesMembers) {
                html.append(PageHtml.buttonForm(BusinessPages.teamPath(handle) + "invitations/" + invitation.invitationId()
                        + "/revoke", csrf, "Revoke"));
            }
            html.append("</td></tr>");
        }
        html.append("</tbody></table>");
        if (open.next() != null) {
            html.append("<p class=\"note\">The first ").append(ListPage.MAX_SIZE).append(" by address are shown; ")
                    .append("GET /v1/businesses/{business_id}/invitations lists them all.</p>");
        }
        return html.toString();
    }

    /** The roles one may hand out: owner only by someone who manages owners. */
    private static String roleSelect(String selected, boolean managesOwners) {
        StringBuilder select = new StringBuilder("<select name=\"role\">");
        for (String role : managesOwners ? List.of("member", "admin", "owner") : List.of("member", "admin")) {
            select.append("<option value=\"").append(role).append('"').append(role.equals(selected) ? " selected" : "").append('>')
                    .append(role).append("</option>");
        }
        return select.append("</select>").toString();
    }
}
