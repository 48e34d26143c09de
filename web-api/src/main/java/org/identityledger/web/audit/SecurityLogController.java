package org.identityledger.web.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.queryhandling.QueryGateway;
import org.identityledger.command.port.SecurityLog;
import org.identityledger.query.audit.SearchSecurityLogQuery;
import org.identityledger.query.audit.SecurityLogEntries;
import org.identityledger.query.session.LiveSession;
import org.identityledger.web.security.AbuseGuard;
import org.identityledger.web.security.SessionResolver;
import org.identityledger.web.validation.Timestamp;
import org.identityledger.web.validation.WholeNumber;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/**
 * The security log for auditors (a staff-context bearer session holding auditor), as NDJSON, one
 * entry per line, oldest first. Every read is itself recorded (audit_read, the auditor as actor).
 */
@RestController
class SecurityLogController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    private static final int DEFAULT_LIMIT = 100;

    private final SessionResolver sessionResolver;
    private final QueryGateway queryGateway;
    private final SecurityLog securityLog;
    private final AbuseGuard abuseGuard;
    private final ObjectMapper objectMapper;

    SecurityLogController(SessionResolver sessionResolver, QueryGateway queryGateway, SecurityLog securityLog,
                          AbuseGuard abuseGuard, ObjectMapper objectMapper) {
        this.sessionResolver = sessionResolver;
        this.queryGateway = queryGateway;
        this.securityLog = securityLog;
        this.abuseGuard = abuseGuard;
        this.objectMapper = objectMapper;
    }

    @GetMapping(path = "/v1/audit/security-log", produces = "application/x-ndjson")
    ResponseEntity<String> read(@Valid @ParameterObject Filter filter, HttpServletRequest request) throws JsonProcessingException {
        LiveSession auditor = sessionResolver.require(request);
        int limit = filter.limit() == null || filter.limit().isEmpty() ? DEFAULT_LIMIT : Integer.parseInt(filter.limit());
        SecurityLogEntries entries = queryGateway.query(new SearchSecurityLogQuery(blankToNull(filter.accountRef()),
                blankToNull(filter.type()), instant(filter.from()), instant(filter.to()), limit), SecurityLogEntries.class).join();
        securityLog.record(new SecurityLog.Entry("audit_read", blankToNull(filter.accountRef()), auditor.accountRef(),
                abuseGuard.clientAddress(request), "security-log " + entries.entries().size() + " entries"));
        StringBuilder lines = new StringBuilder();
        for (SecurityLogEntries.Entry entry : entries.entries()) {
            lines.append(objectMapper.writeValueAsString(entry)).append('\n');
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(NDJSON).body(lines.toString());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Instant instant(String value) {
        return value == null || value.isEmpty() ? null : Instant.parse(value);
    }

    /** The query parameters: account_ref, type, from, to (RFC 3339), limit (1 to 1000, default 100). */
    record Filter(@Size(max = 64) @BindParam("account_ref") String accountRef,
                  @Pattern(regexp = "login_failed|permission_denied|rate_limited|audit_read",
                          message = "One of login_failed, permission_denied, rate_limited, audit_read.") String type,
                  @Timestamp String from, @Timestamp String to, @WholeNumber(min = 1, max = 1000) String limit) {
    }
}
