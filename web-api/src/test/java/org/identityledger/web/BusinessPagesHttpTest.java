package org.identityledger.web;

import org.identityledger.web.support.Browser;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The business pages over HTTP, as a browser uses them: the sign-in page, the team page and its
 * forms (each with the CSRF field), sign-out, and the page an invitation mail links to.
 */
class BusinessPagesHttpTest extends IntegrationTest {

    record Team(String businessId, String handle, String ownerEmail, String ownerRef) {
    }

    private Team newTeam() {
        String email = uniqueEmail();
        String ownerRef = signUpAndVerify(browser(), email);
        String handle = "pg-" + UUID.randomUUID().toString().substring(0, 8);
        HttpAnswer created = browser().bearer(nativeLogIn(email).text("access_token")).postJson("/v1/account/businesses",
                "{\"name\":\"Page & <Team>\",\"handle\":\"" + handle + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Team(created.text("business_id"), handle, email, ownerRef);
    }

    /** A member of the team, joined through the API; answers its account ref. */
    private String join(Team team, String email, String role) {
        String accountRef = signUpAndVerify(browser(), email);
        Browser owner = signIn(team.ownerEmail(), team.handle());
        assertThat(form(owner, "/business/" + team.handle() + "/invitations", "email", email, "role", role).status()).isEqualTo(303);
        HttpAnswer accepted = browser().bearer(nativeLogIn(email).text("access_token")).postJson("/v1/account/invitations/accept",
                "{\"token\":\"" + mailbox.awaitInvitationToken(email, 2) + "\"}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        return accountRef;
    }

    /** Posts a page form the way a browser does: urlencoded, with the CSRF field from the browser's own cookie. */
    static HttpAnswer form(Browser browser, String path, String... fields) {
        Map<String, String> values = new LinkedHashMap<>();
        browser.cookie("ledger_csrf").ifPresent(token -> values.put("csrf_token", token));
        for (int i = 0; i < fields.length; i += 2) {
            values.put(fields[i], fields[i + 1]);
        }
        StringBuilder body = new StringBuilder();
        values.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return browser.postForm(path, body.toString());
    }

    private Browser signIn(String email, String handle) {
        Browser browser = browser();
        browser.get("/business/login?handle=" + handle).assertPage(200, null);
        HttpAnswer signedIn = form(browser, "/business/login", "handle", handle, "email", email, "password", PASSWORD);
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).contains("/business/" + handle + "/");
        return browser;
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    private String roleOf(Team team, String accountRef) {
        return jdbc.queryForList("SELECT role FROM membership_view WHERE business_id = ? AND account_ref = ?", String.class,
                team.businessId(), accountRef).stream().findFirst().orElse(null);
    }

    @Test
    void anOwnerSignsInOnThePageAndSeesTheTeamWithACookieOnlyTheBusinessPagesReceive() {
        Team team = newTeam();
        Browser browser = browser();
        browser.get("/business/login?handle=" + team.handle()).assertPage(200, null);

        HttpAnswer signedIn = form(browser, "/business/login", "handle", team.handle(), "email", team.ownerEmail(), "password", PASSWORD);

        assertThat(signedIn.status()).isEqualTo(303);
        assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("ledger_business_session=").contains("Path=/business").contains("HttpOnly").contains("SameSite=Lax"));
        assertThat(signedIn.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("ledger_session="));
        HttpAnswer teamPage = browser.get("/business/" + team.handle() + "/").assertPage(200, null);
        assertThat(teamPage.title()).isEqualTo("Page &amp; &lt;Team&gt; — team");
        assertThat(teamPage.body()).contains(team.ownerEmail()).contains("<td>owner</td>").contains("Send invitation");
        browser.get("/v1/auth/me").assertProblem(401, "UNAUTHENTICATED");
        assertThat(browser.get("/business/" + team.handle()).headers().firstValue("Location")).contains("/business/" + team.handle() + "/");
    }

    @Test
    void theTeamPageInvitesChangesARoleRevokesAndRemovesThroughItsForms() {
        Team team = newTeam();
        Browser owner = signIn(team.ownerEmail(), team.handle());
        String base = "/business/" + team.handle() + "/";
        String memberEmail = uniqueEmail();
        String memberRef = signUpAndVerify(browser(), memberEmail);

        HttpAnswer invited = form(owner, base + "invitations", "email", memberEmail, "role", "member");
        assertThat(invited.status()).isEqualTo(303);
        assertThat(invited.headers().firstValue("Location")).contains(base + "?done=invited");
        assertThat(owner.get(base + "?done=invited").body()).contains("The invitation is on its way.").contains(memberEmail);
        String token = mailbox.awaitInvitationToken(memberEmail, 2);
        assertThat(browser().bearer(nativeLogIn(memberEmail).text("access_token")).postJson("/v1/account/invitations/accept",
                "{\"token\":\"" + token + "\"}").status()).isEqualTo(200);
        assertThat(owner.get(base).body()).contains("data-account=\"" + memberRef + "\"");

        assertThat(form(owner, base + "members/" + memberRef + "/role", "role", "admin").status()).isEqualTo(303);
        assertThat(roleOf(team, memberRef)).isEqualTo("admin");

        String laterEmail = uniqueEmail();
        assertThat(form(owner, base + "invitations", "email", laterEmail, "role", "admin").status()).isEqualTo(303);
        String invitationId = jdbc.queryForObject("SELECT invitation_id FROM invitation_view WHERE email = ?", String.class, laterEmail);
        assertThat(form(owner, base + "invitations/" + invitationId + "/revoke").status()).isEqualTo(303);
        assertThat(jdbc.queryForObject("SELECT state FROM invitation_view WHERE invitation_id = ?", String.class, invitationId))
                .isNotEqualTo("open");

        assertThat(form(owner, base + "members/" + memberRef + "/remove").status()).isEqualTo(303);
        assertThat(roleOf(team, memberRef)).isNull();
    }

    @Test
    void invalidFormFieldsGetAPageNamingThem() {
        Team team = newTeam();
        Browser owner = signIn(team.ownerEmail(), team.handle());
        long before = events();

        HttpAnswer answer = form(owner, "/business/" + team.handle() + "/invitations", "email", "not an address", "role", "root")
                .assertPage(400, "VALIDATION_FAILED");

        assertThat(answer.body()).contains("email:").contains("role:");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void theLastOwnerCannotBeDemotedOnThePageEither() {
        Team team = newTeam();
        Browser owner = signIn(team.ownerEmail(), team.handle());
        long before = events();

        form(owner, "/business/" + team.handle() + "/members/" + team.ownerRef() + "/role", "role", "member")
                .assertPage(409, "LAST_OWNER");

        assertThat(roleOf(team, team.ownerRef())).isEqualTo("owner");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aMemberSeesTheTeamWithoutManagementFormsAndCannotPostThem() {
        Team team = newTeam();
        String memberEmail = uniqueEmail();
        join(team, memberEmail, "member");
        Browser member = signIn(memberEmail, team.handle());
        String base = "/business/" + team.handle() + "/";

        HttpAnswer page = member.get(base).assertPage(200, null);
        assertThat(page.body()).doesNotContain("Send invitation").doesNotContain(">Remove<").contains(">Leave<");
        long before = events();
        form(member, base + "invitations", "email", uniqueEmail(), "role", "member").assertPage(403, "FORBIDDEN");
        form(member, base + "members/" + team.ownerRef() + "/remove").assertPage(403, "FORBIDDEN");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aMemberOfAnotherBusinessFindsNothingAtThisBusinesssPages() {
        Team mine = newTeam();
        Team theirs = newTeam();
        Browser browser = signIn(mine.ownerEmail(), mine.handle());
        String base = "/business/" + theirs.handle() + "/";
        long before = events();

        browser.get(base).assertPage(404, "NOT_FOUND");
        form(browser, base + "invitations", "email", uniqueEmail(), "role", "owner").assertPage(404, "NOT_FOUND");
        form(browser, base + "members/" + theirs.ownerRef() + "/remove").assertPage(404, "NOT_FOUND");
        form(browser, base + "members/" + theirs.ownerRef() + "/role", "role", "member").assertPage(404, "NOT_FOUND");
        browser.get("/business/no-such-business/").assertPage(404, "NOT_FOUND");
        browser.get("/business/not%20a%20handle").assertPage(404, "NOT_FOUND");
        browser.get("/business/not%20a%20handle/").assertPage(404, "NOT_FOUND");

        assertThat(events()).isEqualTo(before);
        assertThat(roleOf(theirs, theirs.ownerRef())).isEqualTo("owner");
    }

    @Test
    void withoutASessionTheTeamPageAsksToSignIn() {
        Team team = newTeam();

        HttpAnswer page = browser().get("/business/" + team.handle() + "/").assertPage(401, "UNAUTHENTICATED");

        assertThat(page.body()).contains("href=\"/business/login?handle=" + team.handle() + "\"");
    }

    @Test
    void refusedSignInsShowTheFormAgainWithTheReason() {
        Team team = newTeam();
        Team other = newTeam();
        Browser browser = browser();
        browser.get("/business/login").assertPage(200, null);

        HttpAnswer wrong = form(browser, "/business/login", "handle", team.handle(), "email", team.ownerEmail(), "password", "not the password");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).contains("class=\"problem\"").contains("name=\"password\"");
        assertThat(form(browser, "/business/login", "handle", other.handle(), "email", team.ownerEmail(), "password", PASSWORD).status())
                .isEqualTo(403);
        assertThat(form(browser, "/business/login", "handle", "no-such-business", "email", team.ownerEmail(), "password", PASSWORD)
                .status()).isEqualTo(403);
        assertThat(form(browser, "/business/login", "handle", team.handle(), "email", "nobody", "password", PASSWORD).status())
                .isEqualTo(400);
        assertThat(browser.cookie("ledger_business_session")).isEmpty();
    }

    @Test
    void signingOutEndsTheBusinessSessionAndClearsItsCookie() {
        Team team = newTeam();
        Browser browser = signIn(team.ownerEmail(), team.handle());
        String cookie = browser.cookie("ledger_business_session").orElseThrow();

        HttpAnswer signedOut = form(browser, "/business/logout");

        assertThat(signedOut.status()).isEqualTo(303);
        assertThat(signedOut.headers().firstValue("Location")).contains("/business/login");
        assertThat(signedOut.headers().allValues("Set-Cookie")).anySatisfy(header ->
                assertThat(header).startsWith("ledger_business_session=;").contains("Path=/business").contains("Max-Age=0"));
        Browser replay = browser();
        replay.setCookie("ledger_business_session", cookie);
        replay.get("/business/" + team.handle() + "/").assertPage(401, "UNAUTHENTICATED");
    }

    @Test
    void removingAMemberEndsTheirPageSessionOnTheNextRequest() {
        Team team = newTeam();
        String memberEmail = uniqueEmail();
        String memberRef = join(team, memberEmail, "admin");
        Browser member = signIn(memberEmail, team.handle());
        Browser owner = signIn(team.ownerEmail(), team.handle());
        member.get("/business/" + team.handle() + "/").assertPage(200, null);

        assertThat(form(owner, "/business/" + team.handle() + "/members/" + memberRef + "/remove").status()).isEqualTo(303);

        member.get("/business/" + team.handle() + "/").assertPage(401, "UNAUTHENTICATED");
        owner.get("/business/" + team.handle() + "/").assertPage(200, null);
    }

    @Test
    void leavingOnThePageEndsOnesOwnSessionThere() {
        Team team = newTeam();
        String memberEmail = uniqueEmail();
        String memberRef = join(team, memberEmail, "member");
        Browser member = signIn(memberEmail, team.handle());

        HttpAnswer left = form(member, "/business/" + team.handle() + "/members/" + memberRef + "/remove");

        assertThat(left.headers().firstValue("Location")).contains("/business/login?handle=" + team.handle());
        assertThat(roleOf(team, memberRef)).isNull();
        member.get("/business/" + team.handle() + "/").assertPage(401, "UNAUTHENTICATED");
    }

    @Test
    void openingTheInvitationPageNeverConsumesTheInvitation() throws Exception {
        Team team = newTeam();
        String email = uniqueEmail();
        String accountRef = signUpAndVerify(browser(), email);
        Browser owner = signIn(team.ownerEmail(), team.handle());
        form(owner, "/business/" + team.handle() + "/invitations", "email", email, "role", "admin");
        String token = mailbox.awaitInvitationToken(email, 2);
        assertThat(mailbox.awaitMessage(email, 2).getSubject()).isEqualTo("You are invited to join " + team.handle());
        Browser invitee = browser();

        HttpAnswer page = invitee.get("/auth/accept-invitation?token=" + token).assertPage(200, null);
        invitee.get("/auth/accept-invitation?token=" + token).assertPage(200, null);

        assertThat(page.body()).contains("name=\"token\" value=\"" + token + "\"").contains("name=\"csrf_token\"");
        assertThat(roleOf(team, accountRef)).isNull();
        assertThat(jdbc.queryForObject("SELECT state FROM invitation_view WHERE email = ?", String.class, email)).isEqualTo("open");

        HttpAnswer accepted = form(invitee, "/auth/accept-invitation", "token", token, "email", email, "password", PASSWORD);

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.body()).contains("You are now admin of " + team.handle());
        assertThat(roleOf(team, accountRef)).isEqualTo("admin");
        form(invitee, "/auth/accept-invitation", "token", token).assertPage(409, "TOKEN_ALREADY_USED");
    }

    @Test
    void aSignedInCustomerAcceptsWithOneButtonAndOnlyForTheInvitedAddress() {
        Team team = newTeam();
        String invited = uniqueEmail();
        signUpAndVerify(browser(), invited);
        String stranger = uniqueEmail();
        String strangerRef = signUpAndVerify(browser(), stranger);
        Browser owner = signIn(team.ownerEmail(), team.handle());
        form(owner, "/business/" + team.handle() + "/invitations", "email", invited, "role", "member");
        String token = mailbox.awaitInvitationToken(invited, 2);
        Browser strangersBrowser = browser().withCsrf();
        assertThat(logIn(strangersBrowser, stranger).status()).isEqualTo(200);

        HttpAnswer page = strangersBrowser.get("/auth/accept-invitation?token=" + token).assertPage(200, null);
        assertThat(page.body()).contains("You are signed in as " + stranger).doesNotContain("name=\"password\"");

        form(strangersBrowser, "/auth/accept-invitation", "token", token).assertPage(403, "INVITATION_EMAIL_MISMATCH");
        assertThat(roleOf(team, strangerRef)).isNull();
        assertThat(strangersBrowser.postForm("/auth/accept-invitation", "token=" + token).status()).isEqualTo(403);
    }

    @Test
    void aBrokenInvitationLinkGetsAPageSayingSo() {
        browser().get("/auth/accept-invitation").assertPage(400, null);
        Browser browser = browser();
        browser.get("/auth/accept-invitation?token=" + "A".repeat(43)).assertPage(200, null);
        form(browser, "/auth/accept-invitation", "token", "A".repeat(43)).assertPage(401, "UNAUTHENTICATED");
        form(browser, "/auth/accept-invitation", "token", "short").assertPage(400, "TOKEN_INVALID");
    }

    /** Every form of every session page, posted without the CSRF field or with a wrong one: refused, nothing recorded. */
    @Test
    void everySessionPageFormNeedsItsCsrfToken() {
        Team team = newTeam();
        Browser owner = signIn(team.ownerEmail(), team.handle());
        String base = "/business/" + team.handle() + "/";
        String[][] forms = {
                {"/business/login", "handle=" + team.handle() + "&email=" + team.ownerEmail() + "&password=" + PASSWORD},
                {"/business/logout", ""},
                {base + "invitations", "email=" + uniqueEmail() + "&role=owner"},
                {base + "invitations/inv_x/revoke", ""},
                {base + "members/" + team.ownerRef() + "/role", "role=member"},
                {base + "members/" + team.ownerRef() + "/remove", ""},
                {"/admin/login", "email=" + team.ownerEmail() + "&password=" + PASSWORD},
                {"/admin/logout", ""},
                {"/auth/accept-invitation", "token=" + "A".repeat(43) + "&email=" + team.ownerEmail() + "&password=" + PASSWORD}};
        long before = events();

        for (String[] page : forms) {
            owner.postForm(page[0], page[1]).assertPage(403, "CSRF_TOKEN_INVALID");
            owner.postForm(page[0], page[1] + "&csrf_token=" + "B".repeat(43)).assertPage(403, "CSRF_TOKEN_INVALID");
        }

        assertThat(events()).isEqualTo(before);
        owner.get(base).assertPage(200, null);
    }

    @Test
    void theCsrfHeaderWorksInsteadOfTheFormField() {
        Team team = newTeam();
        Browser owner = signIn(team.ownerEmail(), team.handle());
        owner.send("POST", "/business/logout", null, null).assertPage(403, "CSRF_TOKEN_INVALID");

        HttpAnswer withHeader = owner.withCsrf().send("POST", "/business/logout", null, null);

        assertThat(withHeader.status()).isEqualTo(303);
        owner.get("/business/" + team.handle() + "/").assertPage(401, "UNAUTHENTICATED");
    }
}
