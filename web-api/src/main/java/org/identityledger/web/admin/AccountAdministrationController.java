package org.identityledger.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.axonframework.queryhandling.QueryGateway;
import org.identityledger.command.account.AccountAdministrationService;
import org.identityledger.command.account.AccountNotFoundException;
import org.identityledger.query.account.AccountList;
import org.identityledger.query.account.Membership;
import org.identityledger.query.session.ListLiveSessionsQuery;
import org.identityledger.query.session.SessionList;
import org.identityledger.query.session.SessionSummary;
import org.identityledger.query.account.AccountSummary;
import org.identityledger.query.account.FindAccountQuery;
import org.identityledger.query.account.SearchAccountsQuery;
import org.identityledger.query.session.LiveSession;
import org.identityledger.web.paging.ListCursor;
import org.identityledger.web.paging.ListPage;
import org.identityledger.web.security.SessionResolver;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Admins find accounts and suspend, reinstate or deactivate them with a reason (a staff-context
 * bearer session holding admin). Every change records the acting admin and the reason, and the
 * account's sessions end in the same transaction.
 */
@RestController
class AccountAdministrationController {

    static final int MAX_SESSIONS = 100;

    private final SessionResolver sessionResolver;
    private final AccountAdministrationService administration;
    private final QueryGateway queryGateway;

    AccountAdministrationController(SessionResolver sessionResolver, AccountAdministrationService administration,
                                    QueryGateway queryGateway) {
        this.sessionResolver = sessionResolver;
        this.administration = administration;
        this.queryGateway = queryGateway;
    }

    @GetMapping("/v1/admin/accounts")
    ResponseEntity<AccountsAnswer> search(@Valid @ParameterObject AccountSearch parameters, @Valid @ParameterObject ListPage page,
                                          HttpServletRequest request) {
        sessionResolver.require(request);
        AccountList accounts = queryGateway.query(new SearchAccountsQuery(parameters.email() == null ? "" : parameters.email().strip(),
                page.size(), page.after()), AccountList.class).join();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new AccountsAnswer(accounts.accounts(), ListCursor.encode(accounts.next())));
    }

    record AccountsAnswer(List<AccountList.Entry> accounts, String nextCursor) {
    }

    /** One account as an admin sees it: its capabilities, staff roles, memberships and (up to 100) live sessions. */
    @GetMapping("/v1/admin/accounts/{account_ref}")
    ResponseEntity<AccountDetail> account(@PathVariable("account_ref") String accountRef, HttpServletRequest request) {
        sessionResolver.require(request);
        AccountSummary account = queryGateway.query(new FindAccountQuery(accountRef), AccountSummary.class).join();
        if (account == null) {
            throw new AccountNotFoundException();
        }
        SessionList sessions = queryGateway.query(new ListLiveSessionsQuery(accountRef, MAX_SESSIONS, null), SessionList.class).join();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new AccountDetail(account.accountRef(), account.email(),
                account.displayName(), account.state(), account.emailVerified(), account.capabilities(), account.staffRoles(),
                account.memberships(), sessions.sessions()));
    }

    @PostMapping(path = "/v1/admin/accounts/{account_ref}/suspend", consumes = MediaType.APPLICATION_JSON_VALUE)
    StateAnswer suspend(@PathVariable("account_ref") String accountRef, @Valid @RequestBody ReasonBody body, HttpServletRequest request) {
        administration.suspend(sessionResolver.require(request).accountRef(), accountRef, body.reason().strip());
        return state(accountRef);
    }

    @PostMapping(path = "/v1/admin/accounts/{account_ref}/reinstate", consumes = MediaType.APPLICATION_JSON_VALUE)
    StateAnswer reinstate(@PathVariable("account_ref") String accountRef, @Valid @RequestBody ReasonBody body, HttpServletRequest request) {
        administration.reinstate(sessionResolver.require(request).accountRef(), accountRef, body.reason().strip());
        return state(accountRef);
    }

    @PostMapping(path = "/v1/admin/accounts/{account_ref}/deactivate", consumes = MediaType.APPLICATION_JSON_VALUE)
    StateAnswer deactivate(@PathVariable("account_ref") String accountRef, @Valid @RequestBody ReasonBody body, HttpServletRequest request) {
        LiveSession admin = sessionResolver.require(request);
        administration.deactivate(admin.accountRef(), accountRef, body.reason().strip());
        return state(accountRef);
    }

    private StateAnswer state(String accountRef) {
        AccountSummary account = queryGateway.query(new FindAccountQuery(accountRef), AccountSummary.class).join();
        return new StateAnswer(accountRef, account.state());
    }



    record StateAnswer(String accountRef, String state) {
    }

    record AccountDetail(String accountRef, String email, String displayName, String state, boolean emailVerified,
                         List<String> capabilities, List<String> staffRoles, List<Membership> memberships,
                         List<SessionSummary> liveSessions) {
    }
}
