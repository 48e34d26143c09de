package org.identityledger.web.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.identityledger.command.port.SecurityLog;
import org.identityledger.infrastructure.ledger.LedgerCheckpoints;
import org.identityledger.infrastructure.ledger.LedgerExport;
import org.identityledger.query.session.LiveSession;
import org.identityledger.web.problem.NotFoundException;
import org.identityledger.web.security.AbuseGuard;
import org.identityledger.web.security.SessionResolver;
import org.identityledger.web.validation.WholeNumber;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Base64;

/**
 * The ledger for auditors (a staff-context bearer session holding auditor): the export of the stored
 * events with their seals, streamed as NDJSON in constant memory, and the newest signed checkpoint.
 * Every read is itself recorded in the security log (audit_read).
 */
@RestController
class LedgerController {

    private final SessionResolver sessionResolver;
    private final LedgerExport export;
    private final LedgerCheckpoints checkpoints;
    private final SecurityLog securityLog;
    private final AbuseGuard abuseGuard;
    private final ObjectMapper objectMapper;

    LedgerController(SessionResolver sessionResolver, LedgerExport export, LedgerCheckpoints checkpoints, SecurityLog securityLog,
                     AbuseGuard abuseGuard, ObjectMapper objectMapper) {
        this.sessionResolver = sessionResolver;
        this.export = export;
        this.checkpoints = checkpoints;
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
        long after = range.after() == null || range.after().isEmpty() ? 0 : Long.parseLong(range.after());
        Long limit = range.limit() == null || range.limit().isEmpty() ? null : Long.parseLong(range.limit());
        securityLog.record(new SecurityLog.Entry("audit_read", null, auditor.accountRef(), abuseGuard.clientAddress(request),
                "export after " + after + (limit == null ? "" : " limit " + limit)));
        response.setContentType(SecurityLogController.NDJSON.toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        OutputStream body = response.getOutputStream();
        try (JsonGenerator lines = objectMapper.getFactory().createGenerator(body)) {
            lines.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
            export.forEach(after, limit, line -> write(lines, line));
            lines.writeRaw('\n');
        } catch (UncheckedIOException clientGone) {
            // The auditor stopped reading; nothing to answer.
        }
    }

    private static void write(JsonGenerator lines, LedgerExport.Line line) {
        try {
            lines.writeStartObject();
            lines.writeNumberField("position", line.position());
            lines.writeStringField("event_id", line.eventId());
            lines.writeStringField("type", line.type());
            lines.writeStringField("revision", line.revision());
            lines.writeStringField("aggregate_id", line.aggregateId());
            lines.writeNumberField("sequence", line.sequence());
            lines.writeStringField("timestamp", line.timestamp());
            lines.writeStringField("payload_base64", Base64.getEncoder().encodeToString(line.payload()));
            lines.writeStringField("payload_sha256", line.payloadSha256());
            lines.writeStringField("prev_hash", line.prevHash());
            lines.writeStringField("hash", line.hash());
            lines.writeEndObject();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    @GetMapping("/v1/audit/checkpoints/latest")
    ResponseEntity<CheckpointAnswer> latestCheckpoint(HttpServletRequest request) {
        LiveSession auditor = sessionResolver.require(request);
        LedgerCheckpoints.Checkpoint latest = checkpoints.latest().orElseThrow(() -> new NotFoundException("No checkpoint yet."));
        securityLog.record(new SecurityLog.Entry("audit_read", null, auditor.accountRef(), abuseGuard.clientAddress(request),
                "checkpoint " + latest.position()));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new CheckpointAnswer(latest.position(), latest.hash(), latest.signedAt(), latest.jws()));
    }

    /** after: a position (exclusive, default 0); limit: at most this many events (default: to the head). */
    record Range(@Pattern(regexp = "\\d{1,18}", message = "A position: a whole number.") String after,
                 @WholeNumber(min = 1, max = 1_000_000_000) String limit) {
    }

    record CheckpointAnswer(long position, String hash, Instant signedAt, String jws) {
    }
}
