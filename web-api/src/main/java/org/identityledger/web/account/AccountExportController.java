package org.identityledger.web.account;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.queryhandling.QueryGateway;
import org.identityledger.command.port.LedgerHistory;
import org.identityledger.query.account.AccountSummary;
import org.identityledger.query.session.ListLiveSessionsQuery;
import org.identityledger.query.session.LiveSession;
import org.identityledger.query.session.SessionList;
import org.identityledger.web.audit.LedgerLines;
import org.identityledger.web.auth.Accounts;
import org.identityledger.web.security.SessionResolver;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A person's own data (customer context): the account, its live sessions, its memberships and every
 * ledger event about it, decoded as auditors see them (credential fields "[redacted]"). The events
 * are streamed into the answer, so an old account's long history costs no memory.
 */
@RestController
class AccountExportController {

    private static final int MAX_SESSIONS = 100;

    private final SessionResolver sessionResolver;
    private final Accounts accounts;
    private final QueryGateway queryGateway;
    private final LedgerHistory ledger;
    private final ObjectMapper objectMapper;

    AccountExportController(SessionResolver sessionResolver, Accounts accounts, QueryGateway queryGateway, LedgerHistory ledger,
                            ObjectMapper objectMapper) {
        this.sessionResolver = sessionResolver;
        this.accounts = accounts;
        this.queryGateway = queryGateway;
        this.ledger = ledger;
        this.objectMapper = objectMapper;
    }

    @GetMapping(path = "/v1/account/export", produces = MediaType.APPLICATION_JSON_VALUE)
    void export(HttpServletRequest request, HttpServletResponse response) throws IOException {
        LiveSession session = sessionResolver.require(request);
        AccountSummary account = accounts.find(session.accountRef());
        SessionList sessions = queryGateway.query(new ListLiveSessionsQuery(account.accountRef(), MAX_SESSIONS, null),
                SessionList.class).join();
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"identity-ledger-export.json\"");
        try (JsonGenerator json = objectMapper.getFactory().createGenerator(response.getOutputStream())) {
            json.writeStartObject();
            json.writeFieldName("account");
            objectMapper.writeValue(json, account);
            json.writeFieldName("sessions");
            objectMapper.writeValue(json, sessions.sessions());
            json.writeFieldName("memberships");
            objectMapper.writeValue(json, account.memberships());
            json.writeArrayFieldStart("events");
            ledger.events(new LedgerHistory.Filter(0, null, account.accountRef(), null, null, null, null),
                    event -> LedgerLines.write(json, event));
            json.writeEndArray();
            json.writeEndObject();
        } catch (UncheckedIOException clientGone) {
            // The person stopped the download; nothing to answer.
        }
    }
}
