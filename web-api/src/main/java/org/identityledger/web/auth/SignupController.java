package org.identityledger.web.auth;

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

    static final int DISPLAY_NAME_MAX = 100;
    static final int PASSWORD_FIELD_MAX = 4096;

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
    AccountBody signup(@RequestBody SignupBody body, HttpServletRequest request) {
        Fields fields = new Fields();
        String email = fields.requiredEmail("email", body.email());
        String password = fields.requiredSecret("password", body.password(), PASSWORD_FIELD_MAX);
        String displayName = fields.optionalText("display_name", body.displayName(), DISPLAY_NAME_MAX);
        String returnTarget = fields.optionalReturnTarget("return_target", body.returnTarget());
        fields.validate();
        abuseGuard.signup(request, email);
        String accountRef = signupService.signup(new SignupRequest(email, password, displayName,
                new LinkTarget(NextPath.sanitize(body.nextPath()), returnTarget)));
        return AccountBody.of(accounts.find(accountRef));
    }
}
