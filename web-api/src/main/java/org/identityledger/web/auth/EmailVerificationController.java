package org.identityledger.web.auth;

import org.identityledger.web.validation.RequestValues;
import jakarta.validation.Valid;
import org.identityledger.command.common.Secrets;
import org.identityledger.command.account.EmailVerificationService;
import org.identityledger.command.account.IssuedToken;
import org.identityledger.command.account.TokenInvalidException;
import org.identityledger.command.account.LinkTarget;
import org.identityledger.command.navigation.NextPath;
import org.identityledger.command.port.BackgroundWork;
import org.identityledger.query.account.AccountSummary;
import jakarta.servlet.http.HttpServletRequest;
import org.identityledger.web.security.AbuseGuard;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Redeeming a verification token, and asking for a new one. */
@RestController
class EmailVerificationController {

    /** A token is 43 base64url characters; anything far longer is not one of ours. */

    private final EmailVerificationService verificationService;
    private final Accounts accounts;
    private final BackgroundWork background;
    private final AbuseGuard abuseGuard;

    EmailVerificationController(EmailVerificationService verificationService, Accounts accounts,
                                BackgroundWork background, AbuseGuard abuseGuard) {
        this.abuseGuard = abuseGuard;
        this.verificationService = verificationService;
        this.accounts = accounts;
        this.background = background;
    }

    @PostMapping(path = "/v1/auth/email/verify", consumes = MediaType.APPLICATION_JSON_VALUE)
    VerifiedAnswer verify(@Valid @RequestBody VerifyEmailBody body, HttpServletRequest request) {
        abuseGuard.verification(request);
        String token = body.token();
        if (!Secrets.isWellFormed(token)) {
            throw new TokenInvalidException();
        }
        IssuedToken verified = verificationService.verify(token);
        AccountSummary account = accounts.find(verified.accountRef());
        return new VerifiedAnswer(account.accountRef(), account.state(), true, NextPath.sanitize(verified.nextPath()));
    }

    @PostMapping(path = "/v1/auth/email/verification", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    void resend(@Valid @RequestBody ResendVerificationBody body, HttpServletRequest request) {
        String email = RequestValues.mailAddress(body.email());
        abuseGuard.resend(request, email);
        LinkTarget link = new LinkTarget(NextPath.sanitize(body.nextPath()), RequestValues.returnTarget(body.returnTarget()));
        // Off the request thread: the answer and its timing must not tell whether the address has an account.
        background.submit(() -> verificationService.resend(email, link));
    }
}
