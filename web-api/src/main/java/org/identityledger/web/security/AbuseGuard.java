package org.identityledger.web.security;

import org.identityledger.command.common.DomainException;

import jakarta.servlet.http.HttpServletRequest;
import org.identityledger.command.account.EmailAddress;
import org.identityledger.command.account.InvalidCredentialsException;
import org.identityledger.command.port.ClientAddressResolver;
import org.identityledger.command.port.TrustedDevices;
import org.identityledger.command.port.LimitName;
import org.identityledger.command.port.RateLimits;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The abuse limits of each entry point, per client address and per target (email or account).
 * Thresholds are identity.abuse.limits.*; see the README for defaults and the lockout design.
 */
@Component
public class AbuseGuard {

    private static final String FORWARDED_FOR = "X-Forwarded-For";

    private final RateLimits rateLimiter;
    private final ClientAddressResolver clientAddresses;
    private final TrustedDevices deviceTrust;
    private final CookieSettings cookies;
    private final LoginMetrics logins;

    public AbuseGuard(RateLimits rateLimiter, ClientAddressResolver clientAddresses, TrustedDevices deviceTrust,
                      CookieSettings cookies, LoginMetrics logins) {
        this.logins = logins;
        this.rateLimiter = rateLimiter;
        this.clientAddresses = clientAddresses;
        this.deviceTrust = deviceTrust;
        this.cookies = cookies;
    }

    public void signup(HttpServletRequest request, String email) {
        rateLimiter.consume(LimitName.SIGNUP_PER_IP, client(request));
        rateLimiter.consume(LimitName.SIGNUP_PER_EMAIL, EmailAddress.normalize(email));
    }

    public void refresh(HttpServletRequest request) {
        rateLimiter.consume(LimitName.REFRESH_PER_IP, client(request));
    }

    public void verification(HttpServletRequest request) {
        rateLimiter.consume(LimitName.VERIFY_PER_IP, client(request));
    }

    public void resend(HttpServletRequest request, String email) {
        rateLimiter.consume(LimitName.RESEND_PER_IP, client(request));
        rateLimiter.consume(LimitName.RESEND_PER_EMAIL, EmailAddress.normalize(email));
    }

    public void resetRequest(HttpServletRequest request, String email) {
        rateLimiter.consume(LimitName.RESET_REQUEST_PER_IP, client(request));
        rateLimiter.consume(LimitName.RESET_REQUEST_PER_EMAIL, EmailAddress.normalize(email));
    }

    public void reset(HttpServletRequest request) {
        rateLimiter.consume(LimitName.RESET_PER_IP, client(request));
    }

    /**
     * A password sign-in under the per-address limit and the failed-attempt throttle. Each attempt
     * takes its token atomically <em>before</em> the password is checked, so however many arrive at
     * once no more are checked than the bucket holds; a sign-in that succeeds (or fails for any reason
     * but a wrong password) gives its token back. Failures from a device that proved itself for this
     * email before (a browser's device cookie, a native app's device token) count against that device
     * alone; all others against the account-wide bucket (at most 100 an hour, ASVS 6.3.1). As the
     * bucket never goes below empty, an attacker keeps an account throttled for unknown devices at
     * most one refill interval (40 s by default) past their last attempt, and never the owner's
     * known devices. Unknown emails are throttled exactly like known ones.
     *
     * @param nativeDeviceToken the device token a native app presents (null for browsers, which use the cookie)
     */
    public <T> T login(HttpServletRequest request, String email, String nativeDeviceToken, Supplier<T> signIn) {
        try {
            T signedIn = guardedLogin(request, email, nativeDeviceToken, signIn);
            logins.count("success");
            return signedIn;
        } catch (DomainException refused) {
            logins.count(refused.code().toLowerCase(java.util.Locale.ROOT));
            throw refused;
        } catch (RuntimeException failed) {
            logins.count("error");
            throw failed;
        }
    }

    private <T> T guardedLogin(HttpServletRequest request, String email, String nativeDeviceToken, Supplier<T> signIn) {
        rateLimiter.consume(LimitName.LOGIN_PER_IP, client(request));
        String normalized = EmailAddress.normalize(email);
        Optional<String> device = Requests.isNativeRoute(request)
                ? Optional.ofNullable(nativeDeviceToken).flatMap(token -> deviceTrust.deviceFor(token, normalized))
                : Requests.isBearer(request) ? Optional.empty() : knownDevice(request, normalized);
        LimitName failures = device.isPresent() ? LimitName.LOGIN_FAILURES_PER_ACCOUNT_AND_DEVICE
                : LimitName.LOGIN_FAILURES_PER_ACCOUNT;
        String failureKey = device.map(id -> normalized + "|" + id).orElse(normalized);
        return throttledGuess(failures, failureKey, signIn);
    }

    /**
     * A signed-in holder confirming an action with the password (erasing the account): a stolen
     * session must not become an unthrottled password oracle, so each check takes a token from the
     * account's failure bucket first, as a sign-in would, and only a wrong password keeps it.
     */
    public void passwordConfirmation(HttpServletRequest request, String accountRef, Runnable confirmed) {
        rateLimiter.consume(LimitName.LOGIN_PER_IP, client(request));
        throttledGuess(LimitName.LOGIN_FAILURES_PER_ACCOUNT, "account:" + accountRef, () -> {
            confirmed.run();
            return null;
        });
    }

    private <T> T throttledGuess(LimitName failures, String failureKey, Supplier<T> attempt) {
        rateLimiter.consume(failures, failureKey);
        try {
            T result = attempt.get();
            rateLimiter.refund(failures, failureKey);
            return result;
        } catch (InvalidCredentialsException wrong) {
            throw wrong;
        } catch (RuntimeException notAGuess) {
            rateLimiter.refund(failures, failureKey);
            throw notAGuess;
        }
    }

    /**
     * The device token a native app keeps after a successful sign-in: the one it presented if that is
     * genuine and for this email, or a new one. Its failures then count against its own bucket.
     */
    public String nativeDeviceTokenAfterLogin(String email, String presented) {
        String normalized = EmailAddress.normalize(email);
        return presented != null && deviceTrust.deviceFor(presented, normalized).isPresent() ? presented
                : deviceTrust.issue(normalized);
    }

    /** The device cookie a browser gets after a successful sign-in, unless it already holds a valid one. */
    public Optional<ResponseCookie> deviceCookieAfterLogin(HttpServletRequest request, String email) {
        String normalized = EmailAddress.normalize(email);
        return knownDevice(request, normalized).isPresent() ? Optional.empty()
                : Optional.of(cookies.deviceCookie(deviceTrust.issue(normalized), Duration.ofDays(365)));
    }

    /** The id of this browser's device cookie, if it is genuine and was issued for this email. */
    private Optional<String> knownDevice(HttpServletRequest request, String normalizedEmail) {
        return Requests.cookie(request, cookies.deviceCookieName())
                .flatMap(token -> deviceTrust.deviceFor(token, normalizedEmail));
    }

    /** The client's address as the abuse limits see it (the socket peer, or what a trusted proxy forwarded). */
    public String clientAddress(HttpServletRequest request) {
        return client(request);
    }

    private String client(HttpServletRequest request) {
        return clientAddresses.resolve(request.getRemoteAddr(), request.getHeader(FORWARDED_FOR));
    }
}
