package org.identityledger.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import org.identityledger.command.account.EmailVerificationService;
import org.identityledger.web.security.AbuseGuard;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Optional;

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
    ResponseEntity<String> show(TokenLink link) {
        String form = "<p>Confirm that this email address is yours.</p>" + PageHtml.tokenForm(PATH, link)
                + "<button type=\"submit\">Verify my email address</button></form>";
        return pages.landing(FAMILY, link, "Verify your email address", form);
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> submit(TokenLink link, HttpServletRequest request) {
        abuseGuard.verification(request);
        return pages.redeem(FAMILY, link, verificationService::verify, refused -> Optional.empty(),
                "Email address verified", "Thank you, your email address is confirmed.");
    }

    @PostMapping(path = PATH + "/resend", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> resend(@RequestParam(name = "email", required = false) String email, TokenLink link,
                                  HttpServletRequest request) {
        return pages.requestNewLink(FAMILY, email, link, address -> abuseGuard.resend(request, address),
                verificationService::resend,
                "If an account with that address is waiting for verification, a new link is on its way.");
    }
}
