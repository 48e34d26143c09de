package org.identityledger.web.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/** RFC 9457 problem documents with the contract's stable {@code code}. */
public final class Problem {

    public static final MediaType MEDIA_TYPE = MediaType.APPLICATION_PROBLEM_JSON;
    private static final String TYPE_PREFIX = "https://identity-ledger.dev/problems/";
    static final String DATABASE_UNAVAILABLE = "The service cannot reach its database right now; try again shortly.";

    private Problem() {
    }

    public static ProblemDetail of(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        return problem;
    }

    public static ProblemDetail withErrors(HttpStatus status, String code, String detail, List<FieldProblem> errors) {
        ProblemDetail problem = of(status, code, detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    /**
     * The problem for a bare status, when nothing more specific is known: errors the container
     * raises itself (an unparseable request line, an oversized header) and the /error dispatch.
     */
    public static ProblemDetail forStatus(int statusCode) {
        HttpStatus status = HttpStatus.resolve(statusCode);
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        return switch (status) {
            case NOT_FOUND -> of(status, "NOT_FOUND", "There is nothing at this address.");
            case METHOD_NOT_ALLOWED -> of(status, "METHOD_NOT_ALLOWED", "Wrong method.");
            case PAYLOAD_TOO_LARGE -> of(status, "PAYLOAD_TOO_LARGE", "The request is too large.");
            case REQUEST_TIMEOUT -> of(status, "REQUEST_TIMEOUT", "The request was not received in time.");
            case SERVICE_UNAVAILABLE -> of(status, "SERVICE_UNAVAILABLE", DATABASE_UNAVAILABLE);
            default -> status.is4xxClientError()
                    ? of(status, "MALFORMED_REQUEST", "The request could not be understood.")
                    : of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "Something went wrong on our side.");
        };
    }

    /**
     * The problem with its {@code instance}: the path it answers. Spring MVC fills this in for the
     * problems handlers return; filters and interceptors that write their refusal themselves use this.
     */
    public static ProblemDetail at(ProblemDetail problem, jakarta.servlet.http.HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path != null && path.startsWith("/") && path.length() <= 2_048) {
            try {
                problem.setInstance(URI.create(path));
            } catch (IllegalArgumentException notAUriPath) {
                // A path Tomcat let through but URI will not parse: the problem goes without it.
            }
        }
        return problem;
    }

    public static ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MEDIA_TYPE).body(problem);
    }
}
