package org.identityledger.web.auth;

import org.identityledger.web.validation.RequestValues;
import jakarta.validation.Valid;
import org.identityledger.command.common.Secrets;
import jakarta.servlet.http.HttpServletRequest;
import org.identityledger.command.session.RefreshService;
import org.identityledger.command.session.RefreshTokenInvalidException;
import org.identityledger.command.session.SignInService;
import org.identityledger.command.session.SignOutService;
import org.identityledger.command.session.SignedInSession;
import org.identityledger.command.port.AccessTokens;
import org.identityledger.query.session.LiveSession;
import org.identityledger.web.security.AbuseGuard;
import org.identityledger.web.security.SessionResolver;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The native and partner transport: a short-lived bearer access token plus an opaque refresh token
 * that rotates on every use. No cookies are read or set here and no CSRF token is needed.
 */
@RestController
class NativeSessionController {

    /** A refresh token is 43 base64url characters. */
    /** A device token is 22 + 1 + 43 characters. */

    private final SignInService signInService;
    private final RefreshService refreshService;
    private final SignOutService signOutService;
    private final SessionResolver sessionResolver;
    private final AccessTokens accessTokens;
    private final Clock clock;
    private final AbuseGuard abuseGuard;

    NativeSessionController(AbuseGuard abuseGuard, SignInService signInService, RefreshService refreshService, SignOutService signOutService,
                            SessionResolver sessionResolver, AccessTokens accessTokens, Clock clock) {
        this.signInService = signInService;
        this.refreshService = refreshService;
        this.signOutService = signOutService;
        this.sessionResolver = sessionResolver;
        this.accessTokens = accessTokens;
        this.clock = clock;
        this.abuseGuard = abuseGuard;
    }

    @PostMapping(path = "/v1/auth/native/login", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<NativeTokensAnswer> login(@Valid @RequestBody NativeLoginBody body, HttpServletRequest request) {
        String email = RequestValues.mailAddress(body.email());
        String password = body.password();
        String deviceName = RequestValues.optionalText(body.deviceName());
        String deviceToken = RequestValues.optionalSecret(body.deviceToken());
        SignedInSession session = abuseGuard.login(request, email, deviceToken,
                () -> signInService.signInNatively(email, password, deviceName, body.scope()));
        return answer(session, abuseGuard.nativeDeviceTokenAfterLogin(email, deviceToken));
    }

    @PostMapping(path = "/v1/auth/native/refresh", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<NativeTokensAnswer> refresh(@Valid @RequestBody RefreshBody body, HttpServletRequest request) {
        abuseGuard.refresh(request);
        String refreshToken = body.refreshToken();
        if (!Secrets.isWellFormed(refreshToken)) {
            throw new RefreshTokenInvalidException();
        }
        SignedInSession rotated = refreshService.refresh(refreshToken);
        return answer(rotated, null);
    }

    @PostMapping("/v1/auth/native/logout")
    ResponseEntity<Void> logout(HttpServletRequest request) {
        LiveSession session = sessionResolver.require(request);
        signOutService.signOut(session.sessionId());
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<NativeTokensAnswer> answer(SignedInSession session, String deviceToken) {
        String context = session.scope().context().wireName();
        AccessTokens.IssuedAccessToken accessToken = accessTokens.issue(session.sessionId(), session.accountRef(), context,
                session.scope().businessId());
        long refreshExpiresIn = Math.max(0, Duration.between(clock.instant(), session.expiresAt()).toSeconds());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new NativeTokensAnswer(accessToken.token(), "Bearer", accessToken.expiresInSeconds(), session.secret(),
                        refreshExpiresIn, session.sessionId(), session.accountRef(), deviceToken, context,
                        session.scope().businessId()));
    }
}
