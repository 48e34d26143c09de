package org.identityledger.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import org.identityledger.command.account.EmailVerificationService;
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
 * Where every verification email link lands. GET only shows a button, because mail scanners fetch
 * links; the token is consumed when the person submits the form.
 */
@Controller
class VerifyEmailPage {

    private static final String PATH = "/auth/verify-email";
    private static final TokenLinkPages.Family FAMILY =
            new TokenLinkPages.Family(PATH, PATH + "/resend", "verify-email", "Open the app to verify");

    private final EmailVerificationService verificationService;
    private final TokenLinkPages pages;
    private final AbuseGuard abuseGuard;

    VerifyEmailPage(EmailVerificationService verificationService, TokenLinkPages pages, AbuseGuard abuseGuard) {
        this.verificationService = verificationService;
        this.pages = pages;
        this.abuseGuard = abuseGuard;
    }

    @GetMapping(PATH)
    ResponseEntity<String> show(@RequestParam(name = "token", required = false) String token,
                                @RequestParam(name = "next", required = false) String next,
                                @RequestParam(name = "return_target", required = false) String returnTarget) {
        String nextPath = NextPath.sanitize(next);
        boolean ios = PageHtml.IOS.equals(returnTarget);
        String form = "<p>Confirm that this email address is yours.</p>"
                + "<form method=\"post\" action=\"" + PATH + "\">"
                + PageHtml.hidden("token", token == null ? "" : token)
                + PageHtml.hidden("next", nextPath)
                + (ios ? PageHtml.hidden("return_target", PageHtml.IOS) : "")
                + "<button type=\"submit\">Verify my email address</button></form>";
        return pages.landing(FAMILY, token, nextPath, ios, "Verify your email address", form);
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> submit(@RequestParam(name = "token", required = false) String token,
                                  @RequestParam(name = "next", required = false) String next,
                                  @RequestParam(name = "return_target", required = false) String returnTarget,
                                  HttpServletRequest request) {
        abuseGuard.verification(request);
        String nextPath = NextPath.sanitize(next);
        boolean ios = PageHtml.IOS.equals(returnTarget);
        try {
            pages.requireWellFormed(token);
            verificationService.verify(token);
        } catch (DomainException refused) {
            return pages.refused(FAMILY, refused, nextPath, ios);
        }
        return pages.done("Email address verified", "Thank you, your email address is confirmed.", nextPath, ios);
    }

    @PostMapping(path = PATH + "/resend", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> resend(@RequestParam(name = "email", required = false) String email,
                                  @RequestParam(name = "next", required = false) String next,
                                  @RequestParam(name = "return_target", required = false) String returnTarget,
                                  HttpServletRequest request) {
        return pages.requestNewLink(FAMILY, email, NextPath.sanitize(next), PageHtml.IOS.equals(returnTarget),
                address -> abuseGuard.resend(request, address), verificationService::resend,
                "If an account with that address is waiting for verification, a new link is on its way.");
    }
}
