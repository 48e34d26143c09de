package org.identityledger.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.axonframework.queryhandling.QueryGateway;
import org.identityledger.command.business.BusinessHandle;
import org.identityledger.command.common.NotAllowedException;
import org.identityledger.command.session.SessionScope;
import org.identityledger.events.session.SessionContext;
import org.identityledger.query.authorization.BusinessSummary;
import org.identityledger.query.authorization.FindBusinessByHandleQuery;
import org.identityledger.web.security.BrowserSignIn;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Signing in to a business: the page asks for the business's handle with the email and password, and
 * a member lands on the team page with a business-context session whose cookie is sent to /business
 * only. Signing out ends that session (its cookie never reaches /v1/auth/logout).
 */
@Controller
class BusinessSignInPage {

    private final SignInPages signInPages;
    private final BrowserSignIn browserSignIn;
    private final QueryGateway queryGateway;

    BusinessSignInPage(SignInPages signInPages, BrowserSignIn browserSignIn, QueryGateway queryGateway) {
        this.signInPages = signInPages;
        this.browserSignIn = browserSignIn;
        this.queryGateway = queryGateway;
    }

    @GetMapping(BusinessPages.SIGN_IN)
    ResponseEntity<String> show(@RequestParam(name = "handle", required = false) String handle,
                                HttpServletRequest request, HttpServletResponse response) {
        return signInPages.show(form(handle), 200, null, null, request, response);
    }

    @PostMapping(path = BusinessPages.SIGN_IN, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> signIn(@Valid SignInForm submitted, BindingResult problems,
                                  HttpServletRequest request, HttpServletResponse response) {
        String handle = submitted.handle() == null ? "" : submitted.handle().strip();
        return signInPages.submit(form(handle), submitted, problems, () -> SessionScope.business(businessOf(handle)),
                BusinessPages.teamPath(handle), request, response);
    }

    /** Refused like a missing membership: which handles exist is no secret, and no password is checked for none. */
    private String businessOf(String handle) {
        BusinessSummary business = handle.isEmpty() ? null
                : queryGateway.query(new FindBusinessByHandleQuery(handle), BusinessSummary.class).join();
        if (business == null) {
            throw new NotAllowedException();
        }
        return business.businessId();
    }

    /** Back to the sign-in page, for the same business when the form names it (the team page's does). */
    @PostMapping(BusinessPages.SIGN_OUT)
    ResponseEntity<String> signOut(@RequestParam(name = "handle", required = false) String handle, HttpServletRequest request) {
        String signIn = handle != null && BusinessHandle.SHAPE.matcher(handle).matches() ? BusinessPages.signInPath(handle) : BusinessPages.SIGN_IN;
        return ResponseEntity.status(303).header(HttpHeaders.SET_COOKIE, browserSignIn.signOut(request, SessionContext.BUSINESS).toString())
                .header(HttpHeaders.LOCATION, signIn).build();
    }

    private static SignInPages.Form form(String handle) {
        return new SignInPages.Form("Sign in to your business", BusinessPages.SIGN_IN,
                "<p><label>Business handle <input type=\"text\" name=\"handle\" required pattern=\"" + BusinessHandle.PATTERN + "\" value=\""
                        + PageHtml.escape(handle) + "\"></label></p>");
    }
}
