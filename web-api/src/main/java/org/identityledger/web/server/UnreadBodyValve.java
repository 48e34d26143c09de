package org.identityledger.web.server;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.identityledger.web.security.Requests;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * After the answer, Tomcat normally drains whatever body the client still has to send, so the
 * connection can be reused; a client trickling a declared body holds the request thread for that
 * whole time, even on a route that never reads a body. When a request is answered without its body
 * having been read, the connection is closed after the answer instead.
 */
class UnreadBodyValve extends ValveBase {

    private static final Duration DRAIN_TIME = Duration.ofSeconds(1);
    private static final long DRAIN_BYTES = 1_048_576;

    UnreadBodyValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (!Requests.readsBody(request)) {
            // Decided before the answer is written, while the header can still be set.
            Requests.closeIfBodyLeftUnread(request, response);
        }
        getNext().invoke(request, response);
        if (!declaresBody(request)) {
            return;
        }
        AtomicBoolean fullyRead = new AtomicBoolean(true);
        request.getCoyoteRequest().action(ActionCode.REQUEST_BODY_FULLY_READ, fullyRead);
        if (fullyRead.get()) {
            return;
        }
        boolean errorPagePending = response.isErrorReportRequired();
        Requests.closeIfBodyLeftUnread(request, response);
        if (!response.isError()) {
            // Send the answer as it stands first: Tomcat treats "stop draining" as an error and would
            // otherwise turn an uncommitted 200 into a 500.
            response.flushBuffer();
        }
        if (Requests.readsBody(request) && drainedInTime(request)) {
            // A POST refused before its body was read (413 on the declared length, say): a client that
            // sends at network speed has the rest read here in milliseconds, so the connection closes
            // cleanly instead of with a reset that can destroy the answer in flight. These requests
            // are already bounded by the thread reserve; bodies on GET and DELETE are never waited for.
            return;
        }
        request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
        if (!errorPagePending) {
            // The answer is complete; no error page may be appended to it.
            response.setErrorReported();
        }
    }

    /**
     * Reads what is left of the body for at most DRAIN_TIME and DRAIN_BYTES: enough for any client
     * that sends at network speed, never long enough for a trickling one to hold the thread.
     */
    private static boolean drainedInTime(Request request) {
        long deadline = System.nanoTime() + DRAIN_TIME.toNanos();
        byte[] buffer = new byte[8_192];
        long drained = 0;
        try {
            InputStream body = request.getInputStream();
            while (System.nanoTime() < deadline && drained < DRAIN_BYTES) {
                int read = body.read(buffer);
                if (read < 0) {
                    return true;
                }
                drained += read;
            }
        } catch (IOException | IllegalStateException unreadable) {
            // The client is gone, or the body was taken as a reader: nothing more to drain here.
        }
        return false;
    }

    private static boolean declaresBody(Request request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }
}
