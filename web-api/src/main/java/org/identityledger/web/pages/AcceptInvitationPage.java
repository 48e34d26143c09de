package org.identityledger.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.identityledger.command.account.TokenInvalidException;
import org.identityledger.command.business.TeamService;
import org.identityledger.command.common.Secrets;
import org.identityledger.command.session.SessionScope;
import org.identityledger.events.session.SessionContext;
import org.identityledger.query.session.LiveSession;
import org.identityledger.web.auth.Accounts;
import org.identityledger.web.problem.ValidationFailedException;
import org.identityledger.web.security.BrowserSignIn;
import org.identityledger.web.security.SessionResolver;
import org.identityledger.web.security.UnauthenticatedException;
import org.identityledger.web.validation.FieldProblems;
import org.identityledger.web.validation.InputLimits;
import org.identityledger.web.validation.MailAddress;
import org.identityledger.web.validation.RequestValues;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Optional;

/**
 * Where an invitation mail's link lands. GET never consumes the token (mail scanners fetch links): it
 * shows a form, for the signed-in customer session, or with email and password for a person not
 * signed in here yet. Submitting accepts with the same service as POST /v1/account/invitations/accept:
 * the account's verified email must be the invited one.
 */
@Controller
class AcceptInvitationPage {

    private static final String PATH = "/auth/accept-invitation";

    private final SessionResolver sessionResolver;
    private final BrowserSignIn browserSignIn;
    private final TeamService teamService;
    private final Accounts accounts;
    private final PageForms pageForms;

    AcceptInvitationPage(SessionResolver sessionResolver, BrowserSignIn browserSignIn, TeamService teamService,
                         Accounts accounts, PageForms pageForms) {
        this.sessionResolver = sessionResolver;
        this.browserSignIn = browserSignIn;
        this.teamService = teamService;
        this.accounts = accounts;
        this.pageForms = pageForms;
    }

    @GetMapping(PATH)
    ResponseEntity<String> show(@RequestParam(name = "token", required = false) String token,
                                HttpServletRequest request, HttpServletResponse response) {
        if (token == null || token.isBlank()) {
            return PageHtml.page(400, "This link is incomplete",
                    "<p>Open the link from the invitation email in full, or ask the business to invite you again.</p>");
        }
        String form = "<form method=\"post\" action=\"" + PATH + "\">" + PageHtml.hidden("token", token)
                + PageHtml.csrfField(pageForms.csrfToken(request, response));
        Optional<LiveSession> session = customerSession(request);
        if (session.isPresent()) {
            String email = accounts.find(session.get().accountRef()).email();
            return PageHtml.page(200, "Join the business", "<p>You are signed in as " + PageHtml.escape(email)
                    + ". The invitation must have been sent to this address.</p>" + form
                    + "<button type=\"submit\">Accept the invitation</button></form>");
        }
        return PageHtml.page(200, "Join the business", "<p>Sign in with the address the invitation was sent to.</p>" + form
                + "<p><label>Email address <input type=\"email\" name=\"email\" autocomplete=\"username\" required></label></p>"
                + "<p><label>Password <input type=\"password\" name=\"password\" autocomplete=\"current-password\" required>"
                + "</label></p><button type=\"submit\">Sign in and accept</button></form>"
                + "<p class=\"note\">No account yet? Sign up with the invited address, verify it, then open this link again.</p>");
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> accept(@RequestParam(name = "token", required = false) String token, @Valid OptionalSignIn signIn,
                                  BindingResult problems, HttpServletRequest request, HttpServletResponse response) {
        if (!Secrets.isWellFormed(token)) {
            throw new TokenInvalidException();
        }
        String accountRef = customerSession(request).map(LiveSession::accountRef)
                .orElseGet(() -> signInFirst(signIn, problems, request, response));
        TeamService.AcceptedInvitation accepted = teamService.accept(accountRef, token);
        String handle = accepted.handle();
        return PageHtml.page(200, "Welcome to " + handle, "<p>You are now " + PageHtml.escape(accepted.role().wireName())
                + " of " + PageHtml.escape(handle) + ".</p>"
                + PageHtml.link(BusinessPages.signInPath(handle), "Sign in to " + handle));
    }

    /** Only a customer session accepts: a business or staff session is not the person's own account context. */
    private Optional<LiveSession> customerSession(HttpServletRequest request) {
        return sessionResolver.resolve(request).filter(session -> session.context() == SessionContext.CUSTOMER);
    }

    private String signInFirst(OptionalSignIn signIn, BindingResult problems, HttpServletRequest request,
                               HttpServletResponse response) {
        if (signIn.email() == null || signIn.password() == null) {
            throw new UnauthenticatedException();
        }
        if (problems.hasErrors()) {
            throw new ValidationFailedException(FieldProblems.of(problems));
        }
        BrowserSignIn.SignedIn signedIn = browserSignIn.signIn(request, RequestValues.mailAddress(signIn.email()),
                signIn.password(), SessionScope.customer());
        PageForms.setCookies(response, signedIn.cookies());
        return signedIn.session().accountRef();
    }

    /** Email and password, when the person is not signed in yet; the limits of every sign-in form. */
    record OptionalSignIn(@Size(max = InputLimits.EMAIL) @MailAddress String email,
                          @Size(max = InputLimits.PASSWORD) String password) {
    }
}
