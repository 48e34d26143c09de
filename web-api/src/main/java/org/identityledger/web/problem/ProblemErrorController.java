package org.identityledger.web.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that happen before Spring MVC (the container refusing a body, a filter failing) still
 * come back as problem+json rather than an HTML page.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            return ProblemAdvice.serviceUnavailable();
        }
        return Problem.response(problemFor(status));
    }

    /** The problem for an error status that came without one; the container's own refusals use it too. */
    public static ProblemDetail problemFor(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> Problem.of(status, "NOT_FOUND", "There is nothing at this address.");
            case METHOD_NOT_ALLOWED -> Problem.of(status, "METHOD_NOT_ALLOWED", "Wrong method.");
            case PAYLOAD_TOO_LARGE -> Problem.of(status, "PAYLOAD_TOO_LARGE", "The request is too large.");
            case SERVICE_UNAVAILABLE -> ProblemAdvice.serviceUnavailable().getBody();
            default -> status.is4xxClientError()
                    ? Problem.of(status, "MALFORMED_REQUEST", "The request could not be understood.")
                    : Problem.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "Something went wrong on our side.");
        };
    }
}
