package org.identityledger.web.auth;

import org.identityledger.web.validation.RequestValues;
import jakarta.validation.Valid;
import org.identityledger.command.account.SignupRequest;
import org.identityledger.command.account.SignupService;
import org.identityledger.command.account.LinkTarget;
import org.identityledger.command.navigation.NextPath;
import jakarta.servlet.http.HttpServletRequest;
import org.identityledger.web.security.AbuseGuard;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Signup: creates a pending account and mails a verification link; does not sign in. */
@RestController
class SignupController {

    private final SignupService signupService;
    private final Accounts accounts;
    private final AbuseGuard abuseGuard;

    SignupController(SignupService signupService, Accounts accounts, AbuseGuard abuseGuard) {
        this.abuseGuard = abuseGuard;
        this.signupService = signupService;
        this.accounts = accounts;
    }

    @PostMapping(path = "/v1/auth/signup", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    AccountBody signup(@Valid @RequestBody SignupBody body, HttpServletRequest request) {
        String email = RequestValues.mailAddress(body.email());
        abuseGuard.signup(request, email);
        String accountRef = signupService.signup(new SignupRequest(email, body.password(),
                RequestValues.optionalText(body.displayName()),
                new LinkTarget(NextPath.sanitize(body.nextPath()), RequestValues.returnTarget(body.returnTarget()))));
        return AccountBody.of(accounts.find(accountRef));
    }
}
