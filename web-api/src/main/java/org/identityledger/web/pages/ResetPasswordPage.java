package org.identityledger.web.pages;

import org.identityledger.command.common.Secrets;
import org.identityledger.command.account.EmailAddress;
import org.identityledger.command.account.LinkTarget;
import org.identityledger.command.account.PasswordPolicyException;
import org.identityledger.command.account.PasswordResetService;
import org.identityledger.command.account.TokenInvalidException;
import org.identityledger.command.common.DomainException;
import org.identityledger.command.navigation.NextPath;
import org.identityledger.infrastructure.background.BackgroundRequests;
import org.identityledger.infrastructure.config.IdentityProperties;
import jakarta.servlet.http.HttpServletRequest;
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
    private static final String IOS = PageHtml.IOS;

    private final PasswordResetService passwordResetService;
    private final BackgroundRequests background;
    private final AbuseGuard abuseGuard;
    private final IdentityProperties properties;

    ResetPasswordPage(PasswordResetService passwordResetService, BackgroundRequests background,
                      IdentityProperties properties, AbuseGuard abuseGuard) {
        this.abuseGuard = abuseGuard;
        this.passwordResetService = passwordResetService;
        this.background = background;
        this.properties = properties;
    }

    @GetMapping(PATH)
    ResponseEntity<String> show(@RequestParam(name = "token", required = false) String token,
                                @RequestParam(name = "next", required = false) String next,
                                @RequestParam(name = "return_target", required = false) String returnTarget) {
        String nextPath = NextPath.sanitize(next);
        boolean ios = IOS.equals(returnTarget);
        if (token == null || token.isBlank()) {
            return PageHtml.page(400, "This link is incomplete", PageHtml.requestNewLinkForm(PATH + "/request", nextPath, ios));
        }
        StringBuilder body = new StringBuilder(form(token, nextPath, ios, null));
        if (ios) {
            body.append("<p class=\"note\">Or continue in the app:</p>")
                    .append(PageHtml.link(PageHtml.appLink(properties.getNative(), "reset-password", token,
                            nextPath), "Open the app to reset"));
        }
        return PageHtml.page(200, "Choose a new password", body.toString());
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> submit(@RequestParam(name = "token", required = false) String token,
                                  @RequestParam(name = "new_password", required = false) String newPassword,
                                  @RequestParam(name = "next", required = false) String next,
                                  @RequestParam(name = "return_target", required = false) String returnTarget,
                                  HttpServletRequest request) {
        abuseGuard.reset(request);
        String nextPath = NextPath.sanitize(next);
        boolean ios = IOS.equals(returnTarget);
        try {
            if (!Secrets.isWellFormed(token)) {
                throw new TokenInvalidException();
            }
            if (newPassword == null || newPassword.length() > 4096) {
                return PageHtml.page(400, "Choose a new password",
                        form(token, nextPath, ios, "Please enter a new password."));
            }
            passwordResetService.resetPassword(token, newPassword);
        } catch (PasswordPolicyException refused) {
            return PageHtml.page(400, "Choose a new password", form(token, nextPath, ios, refused.getMessage()));
        } catch (DomainException refused) {
            return PageHtml.page(Pages.statusOf(refused.code()), Pages.titleOf(refused.code()),
                    "<p>" + PageHtml.escape(refused.getMessage()) + "</p>" + PageHtml.requestNewLinkForm(PATH + "/request", nextPath, ios));
        }
        StringBuilder body = new StringBuilder("<p>Your password has been changed and every session was signed out."
                + " Sign in again with the new password.</p>");
        if (ios) {
            body.append(PageHtml.link(PageHtml.appLoginLink(properties.getNative(), nextPath), "Continue in the app"));
        }
        body.append(PageHtml.link(nextPath, "Continue"));
        return PageHtml.page(200, "Password changed", body.toString());
    }

    @PostMapping(path = PATH + "/request", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> requestNewLink(@RequestParam(name = "email", required = false) String email,
                                          @RequestParam(name = "next", required = false) String next,
                                          @RequestParam(name = "return_target", required = false) String returnTarget,
                                          HttpServletRequest request) {
        String nextPath = NextPath.sanitize(next);
        boolean ios = IOS.equals(returnTarget);
        if (email == null || !EmailAddress.isValid(email.strip())) {
            return PageHtml.page(400, "Request a new link", "<p>Please enter a valid email address.</p>"
                    + PageHtml.requestNewLinkForm(PATH + "/request", nextPath, ios));
        }
        abuseGuard.resetRequest(request, email.strip());
        LinkTarget link = new LinkTarget(nextPath, ios ? IOS : null);
        background.submit(() -> passwordResetService.requestReset(email.strip(), link));
        return PageHtml.page(202, "Check your inbox",
                "<p>If an account uses that address, a link to choose a new password is on its way.</p>");
    }

    private static String form(String token, String nextPath, boolean ios, String problem) {
        return (problem == null ? "" : "<p><strong>" + PageHtml.escape(problem) + "</strong></p>")
                + "<form method=\"post\" action=\"" + PATH + "\">"
                + PageHtml.hidden("token", token)
                + PageHtml.hidden("next", nextPath)
                + (ios ? PageHtml.hidden("return_target", IOS) : "")
                + "<p><label>New password (12 to 128 characters) <input type=\"password\" name=\"new_password\""
                + " autocomplete=\"new-password\" minlength=\"12\" maxlength=\"128\" required></label></p>"
                + "<button type=\"submit\">Set new password</button></form>";
    }

}
