package org.identityledger.web.server;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.identityledger.web.security.Requests;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * After the answer, Tomcat normally drains whatever body the client still has to send, so the
 * connection can be reused; a client trickling a declared body holds the request thread for that
 * whole time, even on a route that never reads a body. When a request is answered without its body
 * having been read, the connection is closed after the answer instead.
 */
class UnreadBodyValve extends ValveBase {

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
        request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
        if (!errorPagePending) {
            // The answer is complete; no error page may be appended to it.
            response.setErrorReported();
        }
    }

    private static boolean declaresBody(Request request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }
}
