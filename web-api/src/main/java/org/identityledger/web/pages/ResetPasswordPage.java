package org.identityledger.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import org.identityledger.command.account.PasswordPolicy;
import org.identityledger.command.account.PasswordPolicyException;
import org.identityledger.command.account.PasswordResetService;
import org.identityledger.web.security.AbuseGuard;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Optional;

/**
 * Where every password reset email link lands. GET only shows the form (mail scanners fetch links);
 * the token is consumed when the person submits a new password.
 */
@Controller
class ResetPasswordPage {

    private static final String PATH = "/auth/reset-password";
    private static final String TITLE = "Choose a new password";
    private static final TokenLinkPages.Family FAMILY =
            new TokenLinkPages.Family(PATH, PATH + "/request", "reset-password", "Open the app to reset");

    private final PasswordResetService passwordResetService;
    private final TokenLinkPages pages;
    private final AbuseGuard abuseGuard;

    ResetPasswordPage(PasswordResetService passwordResetService, TokenLinkPages pages, AbuseGuard abuseGuard) {
        this.passwordResetService = passwordResetService;
        this.pages = pages;
        this.abuseGuard = abuseGuard;
    }

    @GetMapping(PATH)
    ResponseEntity<String> show(TokenLink link) {
        return pages.landing(FAMILY, link, TITLE, form(link, null));
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> submit(TokenLink link, @RequestParam(name = "new_password", required = false) String newPassword,
                                  HttpServletRequest request) {
        abuseGuard.reset(request);
        // The password policy alone judges the new password; a missing one is simply too short.
        return pages.redeem(FAMILY, link, token -> passwordResetService.resetPassword(token, newPassword == null ? "" : newPassword),
                refused -> refused instanceof PasswordPolicyException
                        ? Optional.of(PageHtml.page(400, TITLE, form(link, refused.getMessage()))) : Optional.empty(),
                "Password changed", "Your password has been changed and every session was signed out."
                        + " Sign in again with the new password.");
    }

    @PostMapping(path = PATH + "/request", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> requestNewLink(@RequestParam(name = "email", required = false) String email, TokenLink link,
                                          HttpServletRequest request) {
        return pages.requestNewLink(FAMILY, email, link, address -> abuseGuard.resetRequest(request, address),
                passwordResetService::requestReset,
                "If an account uses that address, a link to choose a new password is on its way.");
    }

    private static String form(TokenLink link, String problem) {
        return (problem == null ? "" : "<p><strong>" + PageHtml.escape(problem) + "</strong></p>")
                + PageHtml.tokenForm(PATH, link)
                + "<p><label>New password (" + PasswordPolicy.MIN_LENGTH + " to " + PasswordPolicy.MAX_LENGTH
                + " characters) <input type=\"password\" name=\"new_password\" autocomplete=\"new-password\" minlength=\""
                + PasswordPolicy.MIN_LENGTH + "\" maxlength=\"" + PasswordPolicy.MAX_LENGTH + "\" required></label></p>"
                + "<button type=\"submit\">Set new password</button></form>";
    }
}
