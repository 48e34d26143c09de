package org.identityledger.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.identityledger.web.support.Browser;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A business team over HTTP: inviting, accepting, roles, and that one business never sees another. */
class BusinessTeamHttpTest extends IntegrationTest {

    private record Team(String businessId, String ownerEmail, Browser owner) {
    }

    private Browser customer(String email) {
        return browser().bearer(nativeLogIn(email).text("access_token"));
    }

    private Browser businessSession(String email, String businessId) {
        HttpAnswer login = nativeClient().postJson("/v1/auth/native/login", "{\"email\":\"" + email + "\",\"password\":\""
                + PASSWORD + "\",\"context\":\"business\",\"business_id\":\"" + businessId + "\"}");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return browser().bearer(login.text("access_token"));
    }

    private Team newTeam() {
        String email = uniqueEmail();
        signUpAndVerify(browser(), email);
        HttpAnswer created = customer(email).postJson("/v1/account/businesses",
                "{\"name\":\"Team\",\"handle\":\"team-" + UUID.randomUUID().toString().substring(0, 8) + "\"}");
        assertThat(created.status()).isEqualTo(201);
        return new Team(created.text("business_id"), email, businessSession(email, created.text("business_id")));
    }

    private String join(Team team, String role) {
        String email = uniqueEmail();
        signUpAndVerify(browser(), email);
        String base = "/v1/businesses/" + team.businessId();
        assertThat(team.owner().postJson(base + "/invitations", "{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}").status())
                .isEqualTo(201);
        HttpAnswer accepted = customer(email).postJson("/v1/account/invitations/accept",
                "{\"token\":\"" + mailbox.awaitInvitationToken(email, 2) + "\"}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        return email;
    }

    @Test
    void anInviteeAcceptsAndAppearsOnTheTeamWithTheInvitedRole() {
        Team team = newTeam();
        String email = uniqueEmail();
        signUpAndVerify(browser(), email);
        String base = "/v1/businesses/" + team.businessId();
        HttpAnswer invited = team.owner().postJson(base + "/invitations", "{\"email\":\"" + email + "\",\"role\":\"admin\"}");
        assertThat(invited.status()).isEqualTo(201);
        assertThat(invited.text("invitation_id")).startsWith("inv_");
        assertThat(team.owner().get(base + "/invitations").json().path("invitations").get(0).path("email").asText()).isEqualTo(email);

        HttpAnswer accepted = customer(email).postJson("/v1/account/invitations/accept",
                "{\"token\":\"" + mailbox.awaitInvitationToken(email, 2) + "\"}");

        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.text("business_id")).isEqualTo(team.businessId());
        assertThat(accepted.text("role")).isEqualTo("admin");
        List<String> members = new ArrayList<>();
        for (JsonNode member : team.owner().get(base + "/members").json().path("members")) {
            members.add(member.path("email").asText() + " " + member.path("role").asText());
        }
        assertThat(members).containsExactlyInAnyOrder(team.ownerEmail() + " owner", email + " admin");
        assertThat(team.owner().get(base + "/invitations").json().path("invitations")).isEmpty();
        assertThat(customer(email).get("/v1/auth/me").json().path("memberships").get(0).path("role").asText()).isEqualTo("admin");
    }

    @Test
    void onlyTheInvitedVerifiedAddressMayAccept() {
        Team team = newTeam();
        String invited = uniqueEmail();
        String other = uniqueEmail();
        signUpAndVerify(browser(), other);
        team.owner().postJson("/v1/businesses/" + team.businessId() + "/invitations", "{\"email\":\"" + invited + "\",\"role\":\"member\"}");

        customer(other).postJson("/v1/account/invitations/accept", "{\"token\":\"" + mailbox.awaitInvitationToken(invited, 1) + "\"}")
                .assertProblem(403, "INVITATION_EMAIL_MISMATCH");
    }

    @Test
    void membersCannotInviteAndTheLastOwnerCannotLeave() {
        Team team = newTeam();
        String memberEmail = join(team, "member");
        Browser member = businessSession(memberEmail, team.businessId());
        String base = "/v1/businesses/" + team.businessId();

        member.postJson(base + "/invitations", "{\"email\":\"x@example.com\",\"role\":\"member\"}").assertProblem(403, "FORBIDDEN");
        String ownerRef = team.owner().get("/v1/auth/me").text("account_ref");
        team.owner().send("DELETE", base + "/members/" + ownerRef, null, null).assertProblem(409, "LAST_OWNER");
        team.owner().send("PUT", base + "/members/" + ownerRef, "application/json", "{\"role\":\"admin\"}")
                .assertProblem(409, "LAST_OWNER");
    }

    @Test
    void aMemberOfOneBusinessFindsNoRouteOfAnother() {
        Team mine = newTeam();
        Team theirs = newTeam();
        String base = "/v1/businesses/" + theirs.businessId();
        Browser me = mine.owner();

        me.get(base + "/members").assertProblem(404, "NOT_FOUND");
        me.get(base + "/invitations").assertProblem(404, "NOT_FOUND");
        me.postJson(base + "/invitations", "{\"email\":\"x@example.com\",\"role\":\"member\"}").assertProblem(404, "NOT_FOUND");
        me.send("PUT", base + "/members/acc_x", "application/json", "{\"role\":\"admin\"}").assertProblem(404, "NOT_FOUND");
        me.send("DELETE", base + "/members/acc_x", null, null).assertProblem(404, "NOT_FOUND");
        me.send("DELETE", base + "/invitations/inv_x", null, null).assertProblem(404, "NOT_FOUND");
    }

    @Test
    void aCustomerSessionOnBusinessRoutesIsAContextMismatchAndCookiesAreNeverRead() {
        Team team = newTeam();
        String base = "/v1/businesses/" + team.businessId();

        customer(team.ownerEmail()).get(base + "/members").assertProblem(403, "CONTEXT_MISMATCH");
        Browser cookieHolder = browser();
        logIn(cookieHolder, team.ownerEmail());
        cookieHolder.get(base + "/members").assertProblem(401, "UNAUTHENTICATED");
    }
}
