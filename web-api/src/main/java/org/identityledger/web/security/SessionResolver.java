package org.identityledger.web.security;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.queryhandling.QueryGateway;
import org.identityledger.command.common.Secrets;
import org.identityledger.command.session.RefreshService;
import org.identityledger.command.port.AccessTokens;
import org.identityledger.events.session.SessionContext;
import org.identityledger.query.authorization.BusinessSummary;
import org.identityledger.query.authorization.FindBusinessByHandleQuery;
import org.identityledger.query.cache.CachedViews;
import org.identityledger.query.session.LiveSession;
import org.identityledger.command.common.NotAllowedException;
import org.identityledger.web.problem.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Who is calling. A bearer request is resolved from its access token alone (never a cookie): a valid
 * signature names the session, and the session read model, current within the same transaction as
 * every logout and revocation (and cached only while that stays true, see CachedViews), says
 * whether it is still live. A browser request is resolved by the
 * SHA-256 of the session cookie of the route's context ({@link RouteFamily}); header-only routes read none.
 */
@Component
public class SessionResolver {

    private static final int MAX_SECRET_LENGTH = 128;

    private final QueryGateway queryGateway;
    private final Secrets secrets;
    private final CookieSettings cookies;
    private final AccessTokens accessTokens;
    private final RefreshService refreshService;
    private final CachedViews views;

    public SessionResolver(QueryGateway queryGateway, Secrets secrets, CookieSettings cookies, AccessTokens accessTokens,
                           RefreshService refreshService, CachedViews views) {
        this.views = views;
        this.refreshService = refreshService;
        this.queryGateway = queryGateway;
        this.secrets = secrets;
        this.cookies = cookies;
        this.accessTokens = accessTokens;
    }

    /**
     * The caller's live session, if any; using it counts as activity for its idle timeout (recorded
     * by {@link CachedViews} when it reads the session, at most once a minute).
     */
    public Optional<LiveSession> resolve(HttpServletRequest request) {
        Optional<LiveSession> session = find(request);
        // Kept on the request so that a refusal further on can name who was refused (the security log).
        session.ifPresent(live -> request.setAttribute(RESOLVED_SESSION, live));
        return session;
    }

    /** The request attribute holding the session this request resolved, if any. */
    public static final String RESOLVED_SESSION = SessionResolver.class.getName() + ".session";

    private Optional<LiveSession> find(HttpServletRequest request) {
        if (Requests.isBearer(request)) {
            String token = request.getHeader(HttpHeaders.AUTHORIZATION).substring("Bearer ".length()).strip();
            return accessTokens.verify(token)
                    .map(claims -> views.sessionById(claims.sessionId()))
                    .filter(session -> session.accountRef() != null);
        }
        Optional<SessionContext> cookieContext = RouteFamily.of(Requests.routedPath(request)).cookieContext();
        if (cookieContext.isEmpty()) {
            return Optional.empty();
        }
        return Requests.cookie(request, cookies.sessionCookieName(cookieContext.get()))
                .filter(secret -> secret.length() <= MAX_SECRET_LENGTH)
                .map(secrets::hash)
                .flatMap(secretHash -> liveBrowserSession(secretHash, cookieContext.get()));
    }

    /** A cookie that opens no browser session may be a refresh token out of place: spent means reuse. */
    private Optional<LiveSession> liveBrowserSession(String secretHash, SessionContext context) {
        Optional<LiveSession> session = Optional.ofNullable(views.browserSession(secretHash, context));
        if (session.isEmpty()) {
            refreshService.rejectMisplaced(secretHash);
        }
        return session;
    }

    /**
     * The caller's live session, which must belong to the context of the route it calls: the one
     * place where a session of another context is refused (403 CONTEXT_MISMATCH), a staff session
     * without the route's staff role too (403 FORBIDDEN), and a business session on another
     * business's route (404). What a role may do inside a business is the Business aggregate's.
     */
    public LiveSession require(HttpServletRequest request) {
        LiveSession session = resolve(request).orElseThrow(UnauthenticatedException::new);
        String routedPath = Requests.routedPath(request);
        RouteFamily family = RouteFamily.of(routedPath);
        if (!family.admits(session.context())) {
            throw new ContextMismatchException();
        }
        RouteFamily.requiredStaffRole(routedPath).filter(role -> !session.staffRoles().contains(role)).ifPresent(role -> {
            throw new NotAllowedException();
        });
        // A business session acts for its own business only; another business's routes do not exist for it.
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables instanceof java.util.Map<?, ?> path) {
            if (family == RouteFamily.BUSINESS_API && path.containsKey("business_id")
                    && !path.get("business_id").equals(session.businessId())) {
                throw new NotFoundException("No such business.");
            }
            if (family == RouteFamily.BUSINESS_PAGES && path.get("handle") instanceof String handle
                    && !businessOfHandle(handle).equals(Optional.ofNullable(session.businessId()))) {
                throw new NotFoundException("No such business.");
            }
        }
        return session;
    }

    private Optional<String> businessOfHandle(String handle) {
        return Optional.ofNullable(queryGateway.query(new FindBusinessByHandleQuery(handle), BusinessSummary.class).join())
                .map(BusinessSummary::businessId);
    }
}
