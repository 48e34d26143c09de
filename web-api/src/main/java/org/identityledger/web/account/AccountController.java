package org.identityledger.web.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.axonframework.queryhandling.QueryGateway;
import org.identityledger.command.account.SellerService;
import org.identityledger.command.business.BusinessHandle;
import org.identityledger.command.business.BusinessService;
import org.identityledger.command.business.TeamService;
import org.identityledger.command.account.TokenInvalidException;
import org.identityledger.command.common.Secrets;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.identityledger.query.account.AccountSummary;
import org.identityledger.query.account.FindAccountQuery;
import org.identityledger.query.session.LiveSession;
import org.identityledger.web.security.SessionResolver;
import org.identityledger.web.validation.InputLimits;
import org.identityledger.web.validation.MaxCodePoints;
import org.identityledger.web.validation.PlainText;
import org.identityledger.web.validation.RequestValues;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** What a person turns on for their own account (customer context): selling, and their own businesses. */
@RestController
class AccountController {

    private final SessionResolver sessionResolver;
    private final SellerService sellerService;
    private final BusinessService businessService;
    private final QueryGateway queryGateway;
    private final TeamService teamService;

    AccountController(SessionResolver sessionResolver, SellerService sellerService, BusinessService businessService,
                      QueryGateway queryGateway, TeamService teamService) {
        this.teamService = teamService;
        this.sessionResolver = sessionResolver;
        this.sellerService = sellerService;
        this.businessService = businessService;
        this.queryGateway = queryGateway;
    }

    @PostMapping("/v1/account/seller")
    CapabilitiesAnswer activateSeller(HttpServletRequest request) {
        LiveSession session = sessionResolver.require(request);
        sellerService.activate(session.accountRef());
        AccountSummary account = queryGateway.query(new FindAccountQuery(session.accountRef()), AccountSummary.class).join();
        return new CapabilitiesAnswer(account.capabilities());
    }

    @PostMapping(path = "/v1/account/businesses", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<BusinessAnswer> createBusiness(@Valid @RequestBody NewBusinessBody body, HttpServletRequest request) {
        LiveSession session = sessionResolver.require(request);
        String name = RequestValues.optionalText(body.name());
        String businessId = businessService.create(session.accountRef(), new BusinessHandle(body.handle()), name);
        return ResponseEntity.status(HttpStatus.CREATED).body(new BusinessAnswer(businessId, body.handle(), name, "active", "owner"));
    }

    /** The page at /auth/accept-invitation never consumes the token; this does, for the signed-in invitee. */
    @PostMapping(path = "/v1/account/invitations/accept", consumes = MediaType.APPLICATION_JSON_VALUE)
    AcceptedAnswer acceptInvitation(@Valid @RequestBody TokenBody body, HttpServletRequest request) {
        LiveSession session = sessionResolver.require(request);
        if (!Secrets.isWellFormed(body.token())) {
            throw new TokenInvalidException();
        }
        TeamService.AcceptedInvitation accepted = teamService.accept(session.accountRef(), body.token());
        return new AcceptedAnswer(accepted.businessId(), accepted.handle(), accepted.role().wireName());
    }

    record CapabilitiesAnswer(List<String> capabilities) {
    }

    /** POST /v1/account/invitations/accept. */
    record TokenBody(@NotEmpty @Size(max = InputLimits.TOKEN) String token) {
    }

    record AcceptedAnswer(String businessId, String handle, String role) {
    }

    /** POST /v1/account/businesses. */
    record NewBusinessBody(@NotBlank @MaxCodePoints(InputLimits.NAME) @PlainText String name,
                           @NotBlank @Pattern(regexp = BusinessHandle.PATTERN,
                                   message = "3 to 40 of a-z, 0-9 and \"-\", not starting with \"-\".") String handle) {
    }

    record BusinessAnswer(String businessId, String handle, String name, String state, String role) {
    }
}
