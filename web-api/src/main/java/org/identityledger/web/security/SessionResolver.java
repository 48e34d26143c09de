package org.identityledger.web.security;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.queryhandling.QueryGateway;
import org.identityledger.command.common.Secrets;
import org.identityledger.query.session.FindLiveSessionQuery;
import org.identityledger.query.session.LiveSession;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Who is calling: hash the presented session secret and ask the session read model, which is
 * current within the same transaction as every logout and revocation.
 */
@Component
public class SessionResolver {

    private static final int MAX_SECRET_LENGTH = 128;

    private final QueryGateway queryGateway;
    private final Secrets secrets;
    private final CookieSettings cookies;

    public SessionResolver(QueryGateway queryGateway, Secrets secrets, CookieSettings cookies) {
        this.queryGateway = queryGateway;
        this.secrets = secrets;
        this.cookies = cookies;
    }

    public Optional<LiveSession> resolve(HttpServletRequest request) {
        if (Requests.isBearer(request)) {
            // Bearer requests never read cookies; access tokens arrive with the native transport.
            return Optional.empty();
        }
        return Requests.cookie(request, cookies.sessionCookieName())
                .filter(secret -> secret.length() <= MAX_SECRET_LENGTH)
                .map(secret -> queryGateway.query(new FindLiveSessionQuery(secrets.hash(secret)), LiveSession.class).join());
    }

    public LiveSession require(HttpServletRequest request) {
        return resolve(request).orElseThrow(UnauthenticatedException::new);
    }
}
