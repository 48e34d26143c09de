package org.identityledger.web.auth;

import org.identityledger.web.validation.RequestValues;
import jakarta.validation.Valid;
import org.identityledger.command.common.Secrets;
import org.identityledger.command.account.LinkTarget;
import org.identityledger.command.account.PasswordResetService;
import org.identityledger.command.account.TokenInvalidException;
import org.identityledger.command.navigation.NextPath;
import org.identityledger.command.port.BackgroundWork;
import jakarta.servlet.http.HttpServletRequest;
import org.identityledger.web.security.AbuseGuard;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Forgotten passwords: ask for a link, then redeem it for a new password. */
@RestController
class PasswordResetController {

    private final PasswordResetService passwordResetService;
    private final BackgroundWork background;
    private final AbuseGuard abuseGuard;

    PasswordResetController(PasswordResetService passwordResetService, BackgroundWork background,
                            AbuseGuard abuseGuard) {
        this.abuseGuard = abuseGuard;
        this.passwordResetService = passwordResetService;
        this.background = background;
    }

    /**
     * Always 202, and the work happens off the request thread, so neither the answer nor its timing
     * tells whether the address has an account.
     */
    @PostMapping(path = "/v1/auth/password/reset-request", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    void requestReset(@Valid @RequestBody ResetRequestBody body, HttpServletRequest request) {
        String email = RequestValues.mailAddress(body.email());
        abuseGuard.resetRequest(request, email);
        LinkTarget link = new LinkTarget(NextPath.sanitize(body.nextPath()), RequestValues.returnTarget(body.returnTarget()));
        background.submit(() -> passwordResetService.requestReset(email, link));
    }

    @PostMapping(path = "/v1/auth/password/reset", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reset(@Valid @RequestBody ResetPasswordBody body, HttpServletRequest request) {
        abuseGuard.reset(request);
        String token = body.token();
        String newPassword = body.newPassword();
        if (!Secrets.isWellFormed(token)) {
            throw new TokenInvalidException();
        }
        passwordResetService.resetPassword(token, newPassword);
    }
}
