package org.identityledger.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.identityledger.command.session.SessionScope;
import org.identityledger.events.session.SessionContext;
import org.identityledger.query.account.AccountSummary;
import org.identityledger.query.session.LiveSession;
import org.identityledger.web.auth.Accounts;
import org.identityledger.web.security.BrowserSignIn;
import org.identityledger.web.security.SessionResolver;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The staff pages: sign-in (a staff-context session, shorter-lived, whose cookie is sent to /admin
 * only; a verified email and a staff grant are the sign-in's own conditions), sign-out, and the
 * console's front page, which says who is signed in with which staff roles.
 */
@Controller
class StaffPages {

    static final String SIGN_IN = "/admin/login";
    private static final String SIGN_OUT = "/admin/logout";
    private static final String CONSOLE = "/admin/";
    private static final SignInPages.Form FORM = new SignInPages.Form("Staff sign-in", SIGN_IN, "");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final SignInPages signInPages;
    private final BrowserSignIn browserSignIn;
    private final SessionResolver sessionResolver;
    private final Accounts accounts;
    private final PageForms pageForms;

    StaffPages(SignInPages signInPages, BrowserSignIn browserSignIn, SessionResolver sessionResolver, Accounts accounts,
               PageForms pageForms) {
        this.signInPages = signInPages;
        this.browserSignIn = browserSignIn;
        this.sessionResolver = sessionResolver;
        this.accounts = accounts;
        this.pageForms = pageForms;
    }

    @GetMapping(SIGN_IN)
    ResponseEntity<String> show(HttpServletRequest request, HttpServletResponse response) {
        return signInPages.show(FORM, 200, null, null, request, response);
    }

    @PostMapping(path = SIGN_IN, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> signIn(@Valid SignInForm submitted, BindingResult problems,
                                  HttpServletRequest request, HttpServletResponse response) {
        return signInPages.submit(FORM, submitted, problems, SessionScope::staff, CONSOLE, request, response);
    }

    @PostMapping(SIGN_OUT)
    ResponseEntity<String> signOut(HttpServletRequest request) {
        return ResponseEntity.status(303).header(HttpHeaders.SET_COOKIE, browserSignIn.signOut(request, SessionContext.STAFF).toString())
                .header(HttpHeaders.LOCATION, SIGN_IN).build();
    }

    /** The address without its slash is the same page. */
    @GetMapping("/admin")
    ResponseEntity<String> withoutSlash() {
        return PageHtml.seeOther(CONSOLE);
    }

    @GetMapping(CONSOLE)
    ResponseEntity<String> console(HttpServletRequest request, HttpServletResponse response) {
        LiveSession session = sessionResolver.require(request);
        AccountSummary me = accounts.find(session.accountRef());
        String body = "<p>Signed in as " + PageHtml.escape(me.email()) + " with the staff roles <strong>"
                + PageHtml.escape(String.join(", ", session.staffRoles())) + "</strong>, until "
                + TIME.format(session.expiresAt()) + ".</p>"
                + PageHtml.buttonForm(SIGN_OUT, pageForms.csrfToken(request, response), "Sign out")
                + StaffConsolePages.forms(session);
        return PageHtml.page(200, "Staff console", body);
    }
}
