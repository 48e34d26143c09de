package org.identityledger.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.identityledger.command.common.DomainException;
import org.identityledger.command.session.SessionScope;
import org.identityledger.web.security.BrowserSignIn;
import org.identityledger.web.security.SecurityEvents;
import org.identityledger.web.validation.FieldProblems;
import org.identityledger.web.validation.RequestValues;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What the business and staff sign-in pages do alike: the form, and its submission through the
 * same browser sign-in as the API (abuse controls, the context's own cookie and path, a new CSRF
 * token). A refused sign-in shows the form again with the reason and the status the API would give.
 */
@Component
class SignInPages {

    /** One sign-in page: its title, where it posts, and the extra fields it asks for. */
    record Form(String title, String action, String extraFields) {
    }

    private final BrowserSignIn browserSignIn;
    private final PageForms pageForms;
    private final SecurityEvents securityEvents;

    SignInPages(BrowserSignIn browserSignIn, PageForms pageForms, SecurityEvents securityEvents) {
        this.browserSignIn = browserSignIn;
        this.pageForms = pageForms;
        this.securityEvents = securityEvents;
    }

    ResponseEntity<String> show(Form form, int status, String message, String email,
                                HttpServletRequest request, HttpServletResponse response) {
        String body = (message == null ? "" : "<p class=\"problem\">" + PageHtml.escape(message) + "</p>")
                + "<form method=\"post\" action=\"" + form.action() + "\">"
                + PageHtml.csrfField(pageForms.csrfToken(request, response))
                + form.extraFields()
                + "<p><label>Email address <input type=\"email\" name=\"email\" autocomplete=\"username\" required value=\""
                + PageHtml.escape(email) + "\"></label></p>"
                + "<p><label>Password <input type=\"password\" name=\"password\" autocomplete=\"current-password\" required>"
                + "</label></p><button type=\"submit\">Sign in</button></form>";
        return PageHtml.page(status, form.title(), body);
    }

    /**
     * Signs in with the scope {@code scope} names (it may refuse, an unknown business say) and sends the browser to {@code landing}; or shows the form again
     * with what was wrong (the field problems, or the refusal's own words and status).
     */
    ResponseEntity<String> submit(Form form, SignInForm submitted, BindingResult problems, Supplier<SessionScope> scope,
                                  String landing, HttpServletRequest request, HttpServletResponse response) {
        if (problems.hasErrors()) {
            String message = FieldProblems.of(problems).stream().map(problem -> problem.field() + ": " + problem.message())
                    .collect(Collectors.joining("; "));
            return show(form, 400, message, submitted.email(), request, response);
        }
        String email = RequestValues.mailAddress(submitted.email());
        try {
            BrowserSignIn.SignedIn signedIn = browserSignIn.signIn(request, email, submitted.password(), scope.get());
            PageForms.setCookies(response, signedIn.cookies());
            return PageHtml.seeOther(landing);
        } catch (DomainException refused) {
            securityEvents.refused(refused.code(), request);
            return PageProblems.withRetryAfter(
                    show(form, Pages.statusOf(refused.code()), refused.getMessage(), email, request, response), refused);
        }
    }
}
