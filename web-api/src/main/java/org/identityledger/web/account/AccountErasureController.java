package org.identityledger.web.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.identityledger.command.account.AccountErasureService;
import org.identityledger.events.session.SessionContext;
import org.identityledger.query.session.LiveSession;
import org.identityledger.web.admin.ReasonBody;
import org.identityledger.web.security.AbuseGuard;
import org.identityledger.web.security.CookieSettings;
import org.identityledger.web.security.SessionResolver;
import org.identityledger.web.validation.InputLimits;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Erasure ("Privacy" in the contract): the holder closes and erases their own account with the
 * password; an admin erases someone's with a reason. Either way every session ends, the data key is
 * destroyed and the email is free again, in one transaction.
 */
@RestController
class AccountErasureController {

    private final SessionResolver sessionResolver;
    private final AccountErasureService erasure;
    private final AbuseGuard abuseGuard;
    private final CookieSettings cookieSettings;

    AccountErasureController(SessionResolver sessionResolver, AccountErasureService erasure, AbuseGuard abuseGuard,
                             CookieSettings cookieSettings) {
        this.sessionResolver = sessionResolver;
        this.erasure = erasure;
        this.abuseGuard = abuseGuard;
        this.cookieSettings = cookieSettings;
    }

    @DeleteMapping(path = "/v1/account", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> eraseOwn(@Valid @RequestBody PasswordBody body, HttpServletRequest request) {
        LiveSession session = sessionResolver.require(request);
        abuseGuard.passwordConfirmation(request, session.accountRef(),
                () -> erasure.eraseOwn(session.accountRef(), body.password()));
        // The session is already revoked; the browser's cookie goes too.
        return ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE, cookieSettings.clearedSessionCookie(SessionContext.CUSTOMER).toString())
                .build();
    }

    @PostMapping(path = "/v1/admin/accounts/{account_ref}/erase", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> eraseByAdmin(@PathVariable("account_ref") String accountRef, @Valid @RequestBody ReasonBody body,
                                      HttpServletRequest request) {
        LiveSession admin = sessionResolver.require(request);
        erasure.eraseByAdmin(admin.accountRef(), accountRef, body.reason().strip());
        return ResponseEntity.noContent().build();
    }

    record PasswordBody(@NotEmpty @Size(max = InputLimits.PASSWORD) String password) {
    }
}
