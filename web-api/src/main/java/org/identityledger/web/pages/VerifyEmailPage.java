package org.identityledger.web.pages;

import org.identityledger.command.common.Secrets;
import org.identityledger.command.account.EmailAddress;
import org.identityledger.command.account.EmailVerificationService;
import org.identityledger.command.account.LinkTarget;
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
 * Where every verification email link lands. GET only shows a button, because mail scanners fetch
 * links; the token is consumed when the person submits the form.
 */
@Controller
class VerifyEmailPage {

    private static final String PATH = "/auth/verify-email";
    private static final String IOS = PageHtml.IOS;

    private final EmailVerificationService verificationService;
    private final BackgroundRequests background;
    private final AbuseGuard abuseGuard;
    private final IdentityProperties properties;

    VerifyEmailPage(EmailVerificationService verificationService, BackgroundRequests background,
                    IdentityProperties properties, AbuseGuard abuseGuard) {
        this.abuseGuard = abuseGuard;
        this.verificationService = verificationService;
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
            return PageHtml.page(400, "This link is incomplete", PageHtml.requestNewLinkForm(PATH + "/resend", nextPath, ios));
        }
        StringBuilder body = new StringBuilder()
                .append("<p>Confirm that this email address is yours.</p>")
                .append("<form method=\"post\" action=\"").append(PATH).append("\">")
                .append(PageHtml.hidden("token", token))
                .append(PageHtml.hidden("next", nextPath))
                .append(ios ? PageHtml.hidden("return_target", IOS) : "")
                .append("<button type=\"submit\">Verify my email address</button></form>");
        if (ios) {
            body.append("<p class=\"note\">Or continue in the app:</p>")
                    .append(PageHtml.link(PageHtml.appLink(properties.getNative(), "verify-email", token, nextPath),
                            "Open the app to verify"));
        }
        return PageHtml.page(200, "Verify your email address", body.toString());
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> submit(@RequestParam(name = "token", required = false) String token,
                                  @RequestParam(name = "next", required = false) String next,
                                  @RequestParam(name = "return_target", required = false) String returnTarget,
                                  HttpServletRequest request) {
        abuseGuard.verification(request);
        String nextPath = NextPath.sanitize(next);
        boolean ios = IOS.equals(returnTarget);
        try {
            if (!Secrets.isWellFormed(token)) {
                throw new TokenInvalidException();
            }
            verificationService.verify(token);
        } catch (DomainException refused) {
            return PageHtml.page(Pages.statusOf(refused.code()), Pages.titleOf(refused.code()),
                    "<p>" + PageHtml.escape(refused.getMessage()) + "</p>" + PageHtml.requestNewLinkForm(PATH + "/resend", nextPath, ios));
        }
        StringBuilder body = new StringBuilder("<p>Thank you, your email address is confirmed.</p>");
        if (ios) {
            body.append(PageHtml.link(PageHtml.appLoginLink(properties.getNative(), nextPath), "Continue in the app"));
        }
        body.append(PageHtml.link(nextPath, "Continue"));
        return PageHtml.page(200, "Email address verified", body.toString());
    }

    @PostMapping(path = PATH + "/resend", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> resend(@RequestParam(name = "email", required = false) String email,
                                  @RequestParam(name = "next", required = false) String next,
                                  @RequestParam(name = "return_target", required = false) String returnTarget,
                                  HttpServletRequest request) {
        String nextPath = NextPath.sanitize(next);
        if (email == null || !EmailAddress.isValid(email.strip())) {
            return PageHtml.page(400, "Request a new link", "<p>Please enter a valid email address.</p>"
                    + PageHtml.requestNewLinkForm(PATH + "/resend", nextPath, IOS.equals(returnTarget)));
        }
        abuseGuard.resend(request, email.strip());
        LinkTarget link = new LinkTarget(nextPath, IOS.equals(returnTarget) ? IOS : null);
        background.submit(() -> verificationService.resend(email.strip(), link));
        return PageHtml.page(202, "Check your inbox",
                "<p>If an account with that address is waiting for verification, a new link is on its way.</p>");
    }


}
