package org.identityledger.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import org.identityledger.command.account.PasswordPolicy;
import org.identityledger.command.account.PasswordPolicyException;
import org.identityledger.command.account.PasswordResetService;
import org.identityledger.command.common.DomainException;
import org.identityledger.command.navigation.NextPath;
import org.identityledger.web.security.AbuseGuard;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

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
    ResponseEntity<String> show(@RequestParam(name = "token", required = false) String token,
                                @RequestParam(name = "next", required = false) String next,
                                @RequestParam(name = "return_target", required = false) String returnTarget) {
        String nextPath = NextPath.sanitize(next);
        boolean ios = PageHtml.IOS.equals(returnTarget);
        return pages.landing(FAMILY, token, nextPath, ios, TITLE, form(token, nextPath, ios, null));
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> submit(@RequestParam(name = "token", required = false) String token,
                                  @RequestParam(name = "new_password", required = false) String newPassword,
                                  @RequestParam(name = "next", required = false) String next,
                                  @RequestParam(name = "return_target", required = false) String returnTarget,
                                  HttpServletRequest request) {
        abuseGuard.reset(request);
        String nextPath = NextPath.sanitize(next);
        boolean ios = PageHtml.IOS.equals(returnTarget);
        try {
            pages.requireWellFormed(token);
            if (newPassword == null || newPassword.length() > PasswordPolicy.MAX_LENGTH) {
                return PageHtml.page(400, TITLE, form(token, nextPath, ios, "Please enter a new password of at most "
                        + PasswordPolicy.MAX_LENGTH + " characters."));
            }
            passwordResetService.resetPassword(token, newPassword);
        } catch (PasswordPolicyException refused) {
            return PageHtml.page(400, TITLE, form(token, nextPath, ios, refused.getMessage()));
        } catch (DomainException refused) {
            return pages.refused(FAMILY, refused, nextPath, ios);
        }
        return pages.done("Password changed", "Your password has been changed and every session was signed out."
                + " Sign in again with the new password.", nextPath, ios);
    }

    @PostMapping(path = PATH + "/request", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> requestNewLink(@RequestParam(name = "email", required = false) String email,
                                          @RequestParam(name = "next", required = false) String next,
                                          @RequestParam(name = "return_target", required = false) String returnTarget,
                                          HttpServletRequest request) {
        return pages.requestNewLink(FAMILY, email, NextPath.sanitize(next), PageHtml.IOS.equals(returnTarget),
                address -> abuseGuard.resetRequest(request, address), passwordResetService::requestReset,
                "If an account uses that address, a link to choose a new password is on its way.");
    }

    private static String form(String token, String nextPath, boolean ios, String problem) {
        return (problem == null ? "" : "<p><strong>" + PageHtml.escape(problem) + "</strong></p>")
                + "<form method=\"post\" action=\"" + PATH + "\">"
                + PageHtml.hidden("token", token == null ? "" : token)
                + PageHtml.hidden("next", nextPath)
                + (ios ? PageHtml.hidden("return_target", PageHtml.IOS) : "")
                + "<p><label>New password (" + PasswordPolicy.MIN_LENGTH + " to " + PasswordPolicy.MAX_LENGTH
                + " characters) <input type=\"password\" name=\"new_password\" autocomplete=\"new-password\" minlength=\""
                + PasswordPolicy.MIN_LENGTH + "\" maxlength=\"" + PasswordPolicy.MAX_LENGTH + "\" required></label></p>"
                + "<button type=\"submit\">Set new password</button></form>";
    }
}
