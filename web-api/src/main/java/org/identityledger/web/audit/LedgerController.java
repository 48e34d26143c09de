package org.identityledger.web.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.identityledger.command.port.SecurityLog;
import org.axonframework.queryhandling.QueryGateway;
import org.identityledger.command.account.AccountNotFoundException;
import org.identityledger.command.port.LedgerHistory;
import org.identityledger.query.audit.AccountAtInstant;
import org.identityledger.query.audit.FindAccountAtInstantQuery;
import org.identityledger.query.session.LiveSession;
import org.identityledger.web.problem.NotFoundException;
import org.identityledger.web.security.AbuseGuard;
import org.identityledger.web.security.SessionResolver;
import org.identityledger.web.validation.Timestamp;
import org.identityledger.web.validation.WholeNumber;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;

/**
 * The ledger for auditors (a staff-context bearer session holding auditor): the decoded events and an
 * account's timeline, the export of the stored events with their seals, all streamed as NDJSON in
 * constant memory, and the newest signed checkpoint.
 * Every read is itself recorded in the security log (audit_read).
 */
@RestController
class LedgerController {

    private final SessionResolver sessionResolver;
    private final LedgerHistory ledger;
    private final QueryGateway queryGateway;
    private final Clock clock;
    private final SecurityLog securityLog;
    private final AbuseGuard abuseGuard;
    private final ObjectMapper objectMapper;

    LedgerController(SessionResolver sessionResolver, LedgerHistory ledger, QueryGateway queryGateway, Clock clock,
                     SecurityLog securityLog, AbuseGuard abuseGuard, ObjectMapper objectMapper) {
        this.ledger = ledger;
        this.queryGateway = queryGateway;
        this.clock = clock;
        this.sessionResolver = sessionResolver;
        this.securityLog = securityLog;
        this.abuseGuard = abuseGuard;
        this.objectMapper = objectMapper;
    }

    /**
     * Writes straight to the response, batch by batch, so memory stays flat however long the ledger
     * is; a client that stops reading ends the export (its write fails) and frees the thread.
     */
    @GetMapping(path = "/v1/audit/export", produces = "application/x-ndjson")
    void export(@Valid @ParameterObject Range range, HttpServletRequest request, HttpServletResponse response) throws IOException {
        LiveSession auditor = sessionResolver.require(request);
        long after = position(range.after());
        Long limit = number(range.limit());
        securityLog.record(new SecurityLog.Entry("audit_read", null, auditor.accountRef(), abuseGuard.clientAddress(request),
                "export after " + after + (limit == null ? "" : " limit " + limit)));
        response.setContentType(SecurityLogController.NDJSON.toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        OutputStream body = response.getOutputStream();
        try (JsonGenerator lines = objectMapper.getFactory().createGenerator(body)) {
            lines.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
            ledger.export(after, limit, line -> LedgerLines.write(lines, line));
            lines.writeRaw('\n');
        } catch (UncheckedIOException clientGone) {
            // The auditor stopped reading; nothing to answer.
        }
    }

    /** The decoded ledger: every event after a position, filtered, in ascending position, streamed. */
    @GetMapping(path = "/v1/audit/events", produces = "application/x-ndjson")
    void events(@Valid @ParameterObject EventFilter filter, HttpServletRequest request, HttpServletResponse response) throws IOException {
        LiveSession auditor = sessionResolver.require(request);
        stream(auditor, new LedgerHistory.Filter(position(filter.after()), number(filter.limit()), blankToNull(filter.accountRef()),
                blankToNull(filter.aggregateId()), blankToNull(filter.type()), instant(filter.from()), instant(filter.to())),
                "events", request, response);
    }

    /** One account's events (its own, and those naming it: memberships, grants), decoded, in order. */
    @GetMapping(path = "/v1/audit/accounts/{account_ref}/timeline", produces = "application/x-ndjson")
    void timeline(@PathVariable("account_ref") String accountRef, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        LiveSession auditor = sessionResolver.require(request);
        stream(auditor, new LedgerHistory.Filter(0, null, accountRef, null, null, null, null), "timeline " + accountRef,
                request, response);
    }

    private void stream(LiveSession auditor, LedgerHistory.Filter filter, String what, HttpServletRequest request,
                        HttpServletResponse response) throws IOException {
        securityLog.record(new SecurityLog.Entry("audit_read", filter.accountRef(), auditor.accountRef(),
                abuseGuard.clientAddress(request), what + " after " + filter.after()));
        response.setContentType(SecurityLogController.NDJSON.toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        try (JsonGenerator lines = objectMapper.getFactory().createGenerator(response.getOutputStream())) {
            lines.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
            ledger.events(filter, line -> LedgerLines.write(lines, line));
            lines.writeRaw('\n');
        } catch (UncheckedIOException clientGone) {
            // The auditor stopped reading; nothing to answer.
        }
    }

    private static long position(String value) {
        return value == null || value.isEmpty() ? 0 : Long.parseLong(value);
    }

    private static Long number(String value) {
        return value == null || value.isEmpty() ? null : Long.parseLong(value);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Instant instant(String value) {
        return value == null || value.isEmpty() ? null : Instant.parse(value);
    }

    /** The account as it stood at an instant (default: now), replayed from the ledger. */
    @GetMapping("/v1/audit/accounts/{account_ref}/state")
    ResponseEntity<AccountAtInstant.Snapshot> stateAt(@PathVariable("account_ref") String accountRef,
                                                      @Valid @ParameterObject Instantly instant, HttpServletRequest request) {
        LiveSession auditor = sessionResolver.require(request);
        Instant at = instant.at() == null || instant.at().isEmpty() ? clock.instant() : Instant.parse(instant.at());
        securityLog.record(new SecurityLog.Entry("audit_read", accountRef, auditor.accountRef(), abuseGuard.clientAddress(request),
                "state at " + at));
        AccountAtInstant.Snapshot state = queryGateway.query(new FindAccountAtInstantQuery(accountRef, at),
                AccountAtInstant.Snapshot.class).join();
        if (state == null) {
            throw new AccountNotFoundException();
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(state);
    }

    @GetMapping("/v1/audit/checkpoints/latest")
    ResponseEntity<CheckpointAnswer> latestCheckpoint(HttpServletRequest request) {
        LiveSession auditor = sessionResolver.require(request);
        LedgerHistory.Checkpoint latest = ledger.latestCheckpoint().orElseThrow(() -> new NotFoundException("No checkpoint yet."));
        securityLog.record(new SecurityLog.Entry("audit_read", null, auditor.accountRef(), abuseGuard.clientAddress(request),
                "checkpoint " + latest.position()));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new CheckpointAnswer(latest.position(), latest.hash(), latest.signedAt(), latest.jws()));
    }

    /** after: a position (exclusive, default 0); limit: at most this many events (default: to the head). */
    record Range(@Pattern(regexp = "\\d{1,18}", message = "A position: a whole number.") String after,
                 @WholeNumber(min = 1, max = 1_000_000_000) String limit) {
    }

    /** after (exclusive position), limit, account_ref, aggregate_id, type (the event's simple name), from and to (RFC 3339). */
    record EventFilter(@Pattern(regexp = "\\d{1,18}", message = "A position: a whole number.") String after,
                       @WholeNumber(min = 1, max = 1_000_000_000) String limit,
                       @Size(max = 64) @BindParam("account_ref") String accountRef,
                       @Size(max = 255) @BindParam("aggregate_id") String aggregateId,
                       @Pattern(regexp = "[A-Za-z]{1,100}", message = "An event type, such as AccountRegisteredEvent.") String type,
                       @Timestamp String from, @Timestamp String to) {
    }

    /** at: the instant (RFC 3339; default now). */
    record Instantly(@Timestamp String at) {
    }

    record CheckpointAnswer(long position, String hash, Instant signedAt, String jws) {
    }
}
