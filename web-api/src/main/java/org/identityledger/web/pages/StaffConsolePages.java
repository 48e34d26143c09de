package org.identityledger.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.axonframework.queryhandling.QueryGateway;
import org.identityledger.command.account.AccountAdministrationService;
import org.identityledger.command.account.AccountNotFoundException;
import org.identityledger.command.port.LedgerHistory;
import org.identityledger.command.port.SecurityLog;
import org.identityledger.query.account.AccountList;
import org.identityledger.query.account.AccountSummary;
import org.identityledger.query.account.FindAccountQuery;
import org.identityledger.query.account.SearchAccountsQuery;
import org.identityledger.query.session.ListLiveSessionsQuery;
import org.identityledger.query.session.LiveSession;
import org.identityledger.query.session.SessionList;
import org.identityledger.web.admin.AccountSearch;
import org.identityledger.web.admin.ReasonBody;
import org.identityledger.web.paging.ListCursor;
import org.identityledger.web.paging.ListPage;
import org.identityledger.web.problem.ValidationFailedException;
import org.identityledger.web.security.AbuseGuard;
import org.identityledger.web.security.SessionResolver;
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
import java.util.Map;

/**
 * The console's account pages: admins search accounts, open one, and suspend or reinstate it with a
 * reason (the same service as the admin API; its sessions end at once); auditors read an account's
 * timeline from the ledger. Which role opens which page is the route family's rule
 * ({@code /admin/accounts} admin, {@code /admin/audit} auditor).
 */
@Controller
class StaffConsolePages {

    private static final String ACCOUNTS = "/admin/accounts";
    private static final String TIMELINE = "/admin/audit/timeline";
    /** A page is for reading, not for downloading a ledger: the rest is in the audit API. */
    private static final long TIMELINE_LINES = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final Map<String, String> DONE = Map.of("suspended", "The account is suspended; its sessions ended.",
            "reinstated", "The account is reinstated.");

    private final SessionResolver sessionResolver;
    private final QueryGateway queryGateway;
    private final AccountAdministrationService administration;
    private final LedgerHistory ledger;
    private final SecurityLog securityLog;
    private final AbuseGuard abuseGuard;
    private final PageForms pageForms;

    StaffConsolePages(SessionResolver sessionResolver, QueryGateway queryGateway, AccountAdministrationService administration,
                      LedgerHistory ledger, SecurityLog securityLog, AbuseGuard abuseGuard, PageForms pageForms) {
        this.sessionResolver = sessionResolver;
        this.queryGateway = queryGateway;
        this.administration = administration;
        this.ledger = ledger;
        this.securityLog = securityLog;
        this.abuseGuard = abuseGuard;
        this.pageForms = pageForms;
    }

    /** The forms the console's front page shows for each role. */
    static String forms(LiveSession session) {
        StringBuilder forms = new StringBuilder();
        if (session.staffRoles().contains("admin")) {
            forms.append("<h2>Accounts</h2><form method=\"get\" action=\"" + ACCOUNTS + "\"><p><label>Email starts with"
                    + " <input type=\"text\" name=\"email\"></label></p><button type=\"submit\">Search</button></form>");
            forms.append("<h2>Projections</h2>").append(PageHtml.link(ProjectionConsolePages.PROJECTIONS, "Projections and rebuilds"));
        }
        if (session.staffRoles().contains("auditor")) {
            forms.append("<h2>Timeline</h2><form method=\"get\" action=\"" + TIMELINE + "\"><p><label>Account reference"
                    + " <input type=\"text\" name=\"account_ref\" required></label></p><button type=\"submit\">Show</button></form>");
        }
        return forms.toString();
    }

    @GetMapping(ACCOUNTS)
    ResponseEntity<String> search(@Valid AccountSearch search, BindingResult problems,
                                  @RequestParam(name = "cursor", required = false) String cursor, HttpServletRequest request) {
        sessionResolver.require(request);
        PageForms.refuseInvalid(problems);
        String prefix = search.email() == null ? "" : search.email().strip();
        AccountList accounts = queryGateway.query(new SearchAccountsQuery(prefix, ListPage.DEFAULT_SIZE,
                ListCursor.decode(cursor).orElse(null)), AccountList.class).join();
        StringBuilder body = new StringBuilder("<form method=\"get\" action=\"" + ACCOUNTS + "\"><p><label>Email starts with"
                + " <input type=\"text\" name=\"email\" value=\"" + PageHtml.escape(prefix) + "\"></label></p>"
                + "<button type=\"submit\">Search</button></form>");
        body.append("<table><thead><tr><th>Email</th><th>State</th><th>Verified</th><th>Staff roles</th><th>Since</th></tr>"
                + "</thead><tbody>");
        for (AccountList.Entry account : accounts.accounts()) {
            body.append("<tr><td><a href=\"").append(ACCOUNTS).append('/').append(PageHtml.escape(account.accountRef())).append("\">")
                    .append(PageHtml.escape(account.email())).append("</a></td><td>").append(PageHtml.escape(account.state()))
                    .append("</td><td>").append(account.emailVerified() ? "yes" : "no").append("</td><td>")
                    .append(PageHtml.escape(String.join(", ", account.staffRoles()))).append("</td><td>")
                    .append(TIME.format(account.createdAt())).append("</td></tr>");
        }
        body.append("</tbody></table>");
        if (accounts.next() != null) {
            body.append(PageHtml.link(ACCOUNTS + "?email=" + org.identityledger.infrastructure.config.PublicLinks.encode(prefix)
                    + "&cursor=" + ListCursor.encode(accounts.next()), "More accounts"));
        }
        body.append(PageHtml.link("/admin/", "Back to the console"));
        return PageHtml.widePage(200, "Accounts", body.toString());
    }

    @GetMapping(ACCOUNTS + "/{account_ref}")
    ResponseEntity<String> account(@PathVariable("account_ref") String accountRef,
                                   @RequestParam(name = "done", required = false) String done,
                                   HttpServletRequest request, HttpServletResponse response) {
        sessionResolver.require(request);
        AccountSummary account = queryGateway.query(new FindAccountQuery(accountRef), AccountSummary.class).join();
        if (account == null) {
            throw new AccountNotFoundException();
        }
        SessionList sessions = queryGateway.query(new ListLiveSessionsQuery(accountRef, ListPage.MAX_SIZE, null), SessionList.class).join();
        String csrf = pageForms.csrfToken(request, response);
        StringBuilder body = new StringBuilder();
        if (done != null && DONE.containsKey(done)) {
            body.append("<p class=\"done\">").append(DONE.get(done)).append("</p>");
        }
        body.append("<table><tbody>")
                .append(row("Reference", account.accountRef())).append(row("Email", account.email()))
                .append(row("Name", account.displayName())).append(row("State", account.state()))
                .append(row("Email verified", account.emailVerified() ? "yes" : "no"))
                .append(row("Capabilities", String.join(", ", account.capabilities())))
                .append(row("Staff roles", String.join(", ", account.staffRoles())))
                .append(row("Memberships", String.valueOf(account.memberships().size())))
                .append(row("Live sessions", sessions.sessions().size() + (sessions.hasMore() ? "+" : "")))
                .append("</tbody></table>");
        String action = ACCOUNTS + "/" + PageHtml.escape(account.accountRef());
        if (account.state().equals("suspended")) {
            body.append(reasonForm(action + "/reinstate", csrf, "Reinstate"));
        } else if (!account.state().equals("deactivated")) {
            body.append(reasonForm(action + "/suspend", csrf, "Suspend"));
        }
        body.append(PageHtml.link(ACCOUNTS, "Back to the search"));
        return PageHtml.widePage(200, account.email(), body.toString());
    }

    @PostMapping(path = ACCOUNTS + "/{account_ref}/suspend", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> suspend(@PathVariable("account_ref") String accountRef, @Valid ReasonBody form, BindingResult problems,
                                   HttpServletRequest request) {
        LiveSession admin = sessionResolver.require(request);
        PageForms.refuseInvalid(problems);
        administration.suspend(admin.accountRef(), accountRef, form.reason().strip());
        return PageHtml.seeOther(ACCOUNTS + "/" + accountRef + "?done=suspended");
    }

    @PostMapping(path = ACCOUNTS + "/{account_ref}/reinstate", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> reinstate(@PathVariable("account_ref") String accountRef, @Valid ReasonBody form, BindingResult problems,
                                     HttpServletRequest request) {
        LiveSession admin = sessionResolver.require(request);
        PageForms.refuseInvalid(problems);
        administration.reinstate(admin.accountRef(), accountRef, form.reason().strip());
        return PageHtml.seeOther(ACCOUNTS + "/" + accountRef + "?done=reinstated");
    }

    /** An account's timeline as an auditor reads it on a page: its first events, decoded, credentials redacted. */
    @GetMapping(TIMELINE)
    ResponseEntity<String> timeline(@RequestParam(name = "account_ref", required = false) String accountRef, HttpServletRequest request) {
        LiveSession auditor = sessionResolver.require(request);
        String ref = accountRef == null ? "" : accountRef.strip();
        if (ref.isEmpty() || ref.length() > 64) {
            throw new ValidationFailedException(java.util.List.of(new org.identityledger.web.problem.FieldProblem("account_ref",
                    "REQUIRED", "An account reference, such as acc_…")));
        }
        securityLog.record(new SecurityLog.Entry("audit_read", ref, auditor.accountRef(), abuseGuard.clientAddress(request),
                "timeline page " + ref));
        StringBuilder rows = new StringBuilder("<table><thead><tr><th>Position</th><th>Time (UTC)</th><th>Event</th><th>Actor</th>"
                + "</tr></thead><tbody>");
        long shown = ledger.events(new LedgerHistory.Filter(0, TIMELINE_LINES, ref, null, null, null, null), event ->
                rows.append("<tr><td>").append(event.position()).append("</td><td>").append(TIME.format(event.timestamp()))
                        .append("</td><td>").append(PageHtml.escape(event.type())).append("</td><td>")
                        .append(PageHtml.escape(event.actorRef())).append("</td></tr>"));
        rows.append("</tbody></table>");
        if (shown == TIMELINE_LINES) {
            rows.append("<p class=\"note\">The first ").append(TIMELINE_LINES).append(" events are shown; GET /v1/audit/accounts/")
                    .append(PageHtml.escape(ref)).append("/timeline streams them all.</p>");
        }
        rows.append(PageHtml.link("/admin/", "Back to the console"));
        return PageHtml.widePage(200, "Timeline of " + ref, rows.toString());
    }

    private static String row(String name, String value) {
        return "<tr><th>" + name + "</th><td>" + PageHtml.escape(value) + "</td></tr>";
    }

    private static String reasonForm(String action, String csrf, String label) {
        return "<form method=\"post\" action=\"" + action + "\">" + PageHtml.csrfField(csrf)
                + "<p><label>Reason <input type=\"text\" name=\"reason\" required maxlength=\"500\"></label></p>"
                + "<button type=\"submit\">" + label + "</button></form>";
    }
}
