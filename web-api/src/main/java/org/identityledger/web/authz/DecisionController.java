package org.identityledger.web.authz;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.queryhandling.QueryGateway;
import org.identityledger.query.authorization.AuthorizationFacts;
import org.identityledger.query.authorization.FindAuthorizationFactsQuery;
import org.identityledger.query.authorization.Permission;
import org.identityledger.query.session.LiveSession;
import org.identityledger.web.security.SecurityEvents;
import org.identityledger.web.security.SessionResolver;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Authorization decisions for partner services, who present the user's access token: decided from
 * the live session and the authorization read model by {@link Permission}, never from token claims.
 * A business is the session's own: asking about another business is simply not being its member.
 */
@RestController
class DecisionController {

    private final SessionResolver sessionResolver;
    private final QueryGateway queryGateway;
    private final SecurityEvents securityEvents;

    DecisionController(SessionResolver sessionResolver, QueryGateway queryGateway, SecurityEvents securityEvents) {
        this.securityEvents = securityEvents;
        this.sessionResolver = sessionResolver;
        this.queryGateway = queryGateway;
    }

    @PostMapping(path = "/v1/authz/decisions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DecisionAnswer> decide(@Valid @RequestBody DecisionBody body, HttpServletRequest request) {
        LiveSession session = sessionResolver.require(request);
        Permission permission = Permission.fromWireName(body.permission()).orElseThrow();
        String businessId = body.businessId() == null || body.businessId().equals(session.businessId()) ? session.businessId() : null;
        AuthorizationFacts facts = queryGateway.query(new FindAuthorizationFactsQuery(session.accountRef(),
                session.context().wireName(), businessId, session.staffRoles()), AuthorizationFacts.class).join();
        Permission.Decision decision = permission.decide(facts);
        if (!decision.allowed()) {
            securityEvents.record("permission_denied", request, "decision " + permission.wireName() + " " + decision.reason());
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new DecisionAnswer(decision.allowed(), decision.reason(),
                session.accountRef(), session.context().wireName()));
    }

    /** POST /v1/authz/decisions. */
    record DecisionBody(@NotBlank @KnownPermission String permission, @Size(max = 64) String businessId) {
    }

    record DecisionAnswer(boolean allowed, String reason, String accountRef, String context) {
    }
}
