package org.identityledger.web.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Lets an answer that fits Tomcat's response buffer (8 KiB) leave in one write with a
 * Content-Length, instead of as chunks. Spring's message converters flush the output stream after
 * writing a body, and a flush commits the response: the headers and the body then went out chunked,
 * and the closing chunk in a second write, so every small JSON answer ({@code /v1/auth/me} above
 * all) cost two system calls and two TCP segments, and its client two reads. Here a flush by the
 * application is ignored; Tomcat still sends the buffer whenever it fills, so a large answer streams
 * as before, and at the end of the request it sends what is left with the length it now knows.
 * Nothing in this service streams an answer that must reach the client before it is complete.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 4)
public class WholeAnswerFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new FlushAtTheEnd(response));
    }

    private static final class FlushAtTheEnd extends HttpServletResponseWrapper {

        private ServletOutputStream body;

        FlushAtTheEnd(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (body == null) {
                body = new UnflushedOutputStream(super.getOutputStream());
            }
            return body;
        }

        @Override
        public void flushBuffer() {
            // Sent when the request ends (or when the buffer fills), with the length known.
        }
    }

    private static final class UnflushedOutputStream extends ServletOutputStream {

        private final ServletOutputStream target;

        UnflushedOutputStream(ServletOutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            target.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            target.write(bytes, offset, length);
        }

        @Override
        public void flush() {
            // See WholeAnswerFilter.
        }

        @Override
        public void close() throws IOException {
            target.close();
        }

        @Override
        public boolean isReady() {
            return target.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            target.setWriteListener(listener);
        }
    }
}
