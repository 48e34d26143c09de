package org.identityledger.web.problem;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's own refusals (a request target it cannot parse or normalise: "/../x", "%zz", "%00", a
 * raw "|") never reach Spring, so ProblemErrorController cannot answer them; Tomcat's error report
 * valve would write an HTML page. This one writes the same problem+json instead. It only speaks
 * when the container flagged an error and nobody wrote a body, so every answer Spring produced
 * passes untouched.
 */
public class ContainerErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || !response.isError() || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus resolved = HttpStatus.resolve(status);
        ProblemDetail problem = ProblemErrorController.problemFor(resolved != null ? resolved
                : status < 500 ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR);
        try {
            response.setContentType(Problem.MEDIA_TYPE.toString());
            response.setCharacterEncoding("utf-8");
            response.setHeader("X-Content-Type-Options", "nosniff");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // The client is gone or the response was committed meanwhile: nothing left to tell it.
        }
    }

    /** By hand, because this runs outside Spring; every value is one of our own constants. */
    private static String json(ProblemDetail problem) {
        return "{\"type\":\"" + problem.getType() + "\",\"title\":\"" + problem.getTitle() + "\",\"status\":"
                + problem.getStatus() + ",\"detail\":\"" + problem.getDetail() + "\",\"code\":\""
                + problem.getProperties().get("code") + "\"}";
    }
}
