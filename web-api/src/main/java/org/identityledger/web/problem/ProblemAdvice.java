package org.identityledger.web.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.identityledger.command.account.PasswordPolicyException;
import org.identityledger.command.common.DomainException;
import org.identityledger.command.port.RateLimitedException;
import org.identityledger.command.port.PasswordHashingBusyException;
import org.identityledger.command.port.MailBackloggedException;
import org.identityledger.web.validation.FieldProblems;
import org.identityledger.web.validation.NewPassword;
import org.identityledger.web.security.SecurityEvents;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;

import java.sql.SQLTransientException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Maps every failure once to its contract status and code; nothing leaks a stack trace. */
@RestControllerAdvice
public class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    private static final Map<String, HttpStatus> DOMAIN_STATUS = Map.ofEntries(
            Map.entry("EMAIL_ALREADY_REGISTERED", HttpStatus.CONFLICT),
            Map.entry("INVALID_CREDENTIALS", HttpStatus.UNAUTHORIZED),
            Map.entry("ACCOUNT_SUSPENDED", HttpStatus.FORBIDDEN),
            Map.entry("ACCOUNT_DEACTIVATED", HttpStatus.FORBIDDEN),
            Map.entry("TOKEN_INVALID", HttpStatus.BAD_REQUEST),
            Map.entry("TOKEN_ALREADY_USED", HttpStatus.CONFLICT),
            Map.entry("TOKEN_EXPIRED", HttpStatus.GONE),
            Map.entry("PASSWORD_POLICY", HttpStatus.BAD_REQUEST),
            Map.entry("ACCOUNT_NOT_FOUND", HttpStatus.NOT_FOUND),
            Map.entry("ILLEGAL_STATE_TRANSITION", HttpStatus.CONFLICT),
            Map.entry("UNAUTHENTICATED", HttpStatus.UNAUTHORIZED),
            Map.entry("CONTEXT_MISMATCH", HttpStatus.FORBIDDEN),
            Map.entry("CSRF_TOKEN_INVALID", HttpStatus.FORBIDDEN),
            Map.entry("FORBIDDEN", HttpStatus.FORBIDDEN),
            Map.entry("EMAIL_NOT_VERIFIED", HttpStatus.FORBIDDEN),
            Map.entry("INVITATION_EMAIL_MISMATCH", HttpStatus.FORBIDDEN),
            Map.entry("BUSINESS_SUSPENDED", HttpStatus.FORBIDDEN),
            Map.entry("HANDLE_TAKEN", HttpStatus.CONFLICT),
            Map.entry("LAST_OWNER", HttpStatus.CONFLICT),
            Map.entry("LAST_ADMIN", HttpStatus.CONFLICT),
            Map.entry("REBUILD_IN_PROGRESS", HttpStatus.CONFLICT),
            Map.entry("ALREADY_A_MEMBER", HttpStatus.CONFLICT),
            Map.entry("NOT_FOUND", HttpStatus.NOT_FOUND),
            Map.entry("REFRESH_TOKEN_REUSED", HttpStatus.UNAUTHORIZED),
            Map.entry("REFRESH_TOKEN_INVALID", HttpStatus.UNAUTHORIZED));

    /** The one map from a domain code to its status; the pages use it too. */
    public static HttpStatus statusOf(String code) {
        return DOMAIN_STATUS.getOrDefault(code, HttpStatus.BAD_REQUEST);
    }

    @ExceptionHandler(PasswordPolicyException.class)
    ResponseEntity<ProblemDetail> passwordPolicy(PasswordPolicyException refused, HandlerMethod handler) {
        String field = newPasswordField(handler);
        return Problem.response(Problem.withErrors(HttpStatus.BAD_REQUEST, refused.code(), refused.getMessage(),
                List.of(new FieldProblem(field, refused.reason().name(), refused.getMessage()))));
    }

    private final SecurityEvents securityEvents;

    public ProblemAdvice(SecurityEvents securityEvents) {
        this.securityEvents = securityEvents;
    }

    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<ProblemDetail> rateLimited(RateLimitedException limited, HttpServletRequest request) {
        securityEvents.refused(limited.code(), request);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()))
                .contentType(Problem.MEDIA_TYPE)
                .body(Problem.of(HttpStatus.TOO_MANY_REQUESTS, limited.code(), limited.getMessage()));
    }

    @ExceptionHandler(PasswordHashingBusyException.class)
    ResponseEntity<ProblemDetail> hashingBusy(PasswordHashingBusyException busy) {
        return serviceUnavailable(busy.getMessage());
    }

    @ExceptionHandler(MailBackloggedException.class)
    ResponseEntity<ProblemDetail> mailBacklogged(MailBackloggedException backlogged) {
        log.warn("Refused a request that would queue mail: {}", backlogged.getMessage());
        return serviceUnavailable(backlogged.getMessage());
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException refused, HttpServletRequest request) {
        securityEvents.refused(refused.code(), request);
        HttpStatus status = statusOf(refused.code());
        return Problem.response(Problem.of(status, refused.code(), refused.getMessage()));
    }

    @ExceptionHandler(ValidationFailedException.class)
    ResponseEntity<ProblemDetail> validation(ValidationFailedException invalid) {
        return Problem.response(Problem.withErrors(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                "Some fields are missing or invalid.", invalid.problems()));
    }

    /** Bean Validation on a request record (a body, or the query parameters of a list). */
    @ExceptionHandler(BindException.class)
    ResponseEntity<ProblemDetail> invalidFields(BindException invalid) {
        return validation(new ValidationFailedException(FieldProblems.of(invalid.getBindingResult())));
    }

    /** The wire name of the body field marked {@link NewPassword} on the routed handler; "password" if none is. */
    private static String newPasswordField(HandlerMethod handler) {
        return Arrays.stream(handler.getMethodParameters())
                .filter(parameter -> parameter.hasParameterAnnotation(RequestBody.class))
                .map(MethodParameter::getParameterType)
                .filter(Class::isRecord)
                .flatMap(body -> Arrays.stream(body.getRecordComponents()))
                .filter(component -> component.isAnnotationPresent(NewPassword.class))
                .map(component -> FieldProblems.wireName(component.getName()))
                .findFirst().orElse("password");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException unreadable) {
        if (unreadable.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining("."));
            FieldProblem problem = mismatch instanceof UnrecognizedPropertyException
                    ? new FieldProblem(field, "UNKNOWN_FIELD", "This field is not part of this request.")
                    : new FieldProblem(field, "INVALID_TYPE", "This field has the wrong type.");
            return validation(new ValidationFailedException(List.of(problem)));
        }
        return Problem.response(Problem.of(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST",
                "The request body is not valid JSON of the expected shape."));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> wrongContentType(HttpMediaTypeNotSupportedException wrong) {
        return Problem.response(Problem.of(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST",
                "The request body must be application/json."));
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<ProblemDetail> badParameter(Exception wrong) {
        return Problem.response(Problem.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "A request parameter is missing or invalid."));
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<ProblemDetail> notFound(Exception missing) {
        return Problem.response(Problem.of(HttpStatus.NOT_FOUND, "NOT_FOUND", "There is nothing at this address."));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> wrongMethod(HttpRequestMethodNotSupportedException wrong) {
        ResponseEntity<ProblemDetail> response = Problem.response(Problem.of(HttpStatus.METHOD_NOT_ALLOWED,
                "METHOD_NOT_ALLOWED", "This address does not accept " + wrong.getMethod() + "."));
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(response.getHeaders());
        if (wrong.getSupportedHttpMethods() != null) {
            headers.setAllow(wrong.getSupportedHttpMethods());
        }
        return new ResponseEntity<>(response.getBody(), headers, response.getStatusCode());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException wrong) {
        return Problem.response(Problem.of(HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE",
                "This address answers application/json."));
    }

    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
            TransientDataAccessException.class, QueryTimeoutException.class, SQLTransientException.class})
    ResponseEntity<ProblemDetail> unavailable(Exception outage) {
        log.warn("Dependency unavailable: {}", outage.toString());
        return serviceUnavailable();
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure) {
        if (DisconnectedClientHelper.isClientDisconnectedException(failure)) {
            // The client hung up; there is no one to answer and nothing wrong on our side.
            log.debug("Client went away: {}", failure.toString());
            return null;
        }
        if (isOutage(failure)) {
            log.warn("Dependency unavailable: {}", failure.toString());
            return serviceUnavailable();
        }
        if (failure instanceof JsonMappingException) {
            return Problem.response(Problem.of(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "The request body could not be read."));
        }
        log.error("Unexpected failure", failure);
        return Problem.response(Problem.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "Something went wrong on our side."));
    }

    static ResponseEntity<ProblemDetail> serviceUnavailable() {
        return serviceUnavailable(Problem.DATABASE_UNAVAILABLE);
    }

    static ResponseEntity<ProblemDetail> serviceUnavailable(String detail) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(Problem.MEDIA_TYPE)
                .body(Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE", detail));
    }

    /**
     * No SQLState (the pool or driver lost the connection), 08 (connection exception), 53
     * (insufficient resources), 57P (the server is shutting down or restarting), or the database
     * taking too long: 57014 (statement_timeout cancelled the query), 55P03 (lock_timeout) and 25P03
     * (idle_in_transaction_session_timeout). A hung database is an outage to the client, not a bug.
     */
    private static boolean isConnectionLevel(String sqlState) {
        return sqlState == null || sqlState.startsWith("08") || sqlState.startsWith("53") || sqlState.startsWith("57P")
                || sqlState.equals("57014") || sqlState.equals("55P03") || sqlState.equals("25P03");
    }

    private static boolean isOutage(Throwable failure) {
        Throwable cause = failure;
        while (cause != null) {
            if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof java.sql.SQLTransientConnectionException
                    || cause instanceof java.net.SocketException) {
                return true;
            }
            if (cause instanceof java.sql.SQLException sqlFailure && isConnectionLevel(sqlFailure.getSQLState())) {
                return true;
            }
            cause = cause.getCause();
        }
        return false;
    }
}
