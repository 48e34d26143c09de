package org.identityledger.web.security;

import org.identityledger.infrastructure.config.IdentityProperties;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.identityledger.web.problem.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * Every request body is read here first, at most identity.http.max-body-size (default 64 KB; no
 * request of this API needs more): larger ones get 413 whether they announce their length or
 * stream it, and JSON that is not strictly valid UTF-8 (overlong forms, encoded surrogates, stray
 * bytes, which lenient decoders quietly turn into other characters) gets 400 before any parser sees it.
 * It runs just after CanonicalPathFilter, so a request with a non-canonical path is never read.
 * The whole body must arrive within identity.http.body-read-timeout (default 5 s) or the request
 * gets 408: Tomcat's timeout applies to each read, so a client sending one byte a second would
 * otherwise hold a request thread for as long as it likes. Methods that take no body are not read
 * at all (see {@link Requests#readsBody}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
public class RequestBodyFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestBodyFilter.class);

    /** Refused bodies up to this size are read before the 413; larger ones are not worth a thread's time. */
    private static final long MAX_DISCARDED_BYTES = 1_048_576;

    private final int maxBytes;
    private final long readTimeoutNanos;
    private final ObjectMapper objectMapper;

    public RequestBodyFilter(IdentityProperties properties, ObjectMapper objectMapper) {
        this.maxBytes = (int) Math.min(Integer.MAX_VALUE - 1, properties.getHttp().getMaxBodySize().toBytes());
        this.readTimeoutNanos = properties.getHttp().getBodyReadTimeout().toNanos();
        this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!Requests.readsBody(request)) {
            // Never read, so never waited for; UnreadBodyValve closes the connection afterwards.
            chain.doFilter(request, response);
            return;
        }
        long deadline = System.nanoTime() + readTimeoutNanos;
        if (request.getContentLengthLong() > maxBytes) {
            if (request.getContentLengthLong() <= MAX_DISCARDED_BYTES) {
                // Read (and drop) what the client is sending before answering: a server that answers
                // and closes while the body is still arriving resets the connection, and the reset can
                // destroy the answer in flight, so the client would see no 413 at all.
                discard(request.getInputStream(), deadline);
            }
            refuse(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", "The request body is too large.");
            return;
        }
        String contentType = request.getContentType();
        if (contentType != null && contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            // The container parses form parameters from its own stream (bounded by
            // server.tomcat.max-http-form-post-size); buffering here would hide them from it. Sent to a
            // route that takes no form, the body stays unread and the connection closes after the
            // answer; say so up front (a form post is a page navigation: a new connection costs nothing).
            Requests.closeIfBodyLeftUnread(request, response);
            chain.doFilter(request, response);
            return;
        }
        byte[] body;
        try {
            body = readAtMost(request.getInputStream(), maxBytes + 1, request.getContentLengthLong(), deadline);
        } catch (BodyTooSlowException tooSlow) {
            refuse(request, response, HttpStatus.REQUEST_TIMEOUT, "REQUEST_TIMEOUT", "The request body did not arrive in time.");
            return;
        } catch (IOException clientGone) {
            if (System.nanoTime() - deadline >= 0 || isReadTimeout(clientGone)) {
                refuse(request, response, HttpStatus.REQUEST_TIMEOUT, "REQUEST_TIMEOUT", "The request body did not arrive in time.");
            } else {
                // The client hung up half way: nobody to answer, nothing wrong on our side.
                log.debug("Client went away while sending its body: {}", clientGone.toString());
            }
            return;
        }
        if (body.length > maxBytes) {
            refuse(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", "The request body is too large.");
            return;
        }
        if (contentType != null && contentType.toLowerCase().contains("json") && !isStrictUtf8(body)) {
            refuse(request, response, HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "The request body is not valid UTF-8.");
            return;
        }
        chain.doFilter(new BufferedRequest(request, body), response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
                        String detail) throws IOException {
        ProblemDetail problem = Problem.at(Problem.of(status, code, detail), request);
        response.setStatus(status.value());
        response.setContentType(Problem.MEDIA_TYPE.toString());
        response.setHeader("Connection", "close");
        try {
            objectMapper.writeValue(response.getOutputStream(), problem);
        } catch (IOException clientGone) {
            log.debug("Client went away before its refusal was written: {}", clientGone.toString());
        }
    }

    /**
     * Reads up to {@code limit} bytes; each read is bounded by Tomcat's connection timeout, the sum by
     * the deadline. A declared length sizes the first array (Tomcat ends the stream there): two 8 KiB
     * buffers for a refresh's 80-byte body were 5 % of what a refresh allocated. Without one (chunked),
     * the array starts at 8 KiB and doubles up to the limit.
     */
    private static byte[] readAtMost(InputStream input, int limit, long declaredLength, long deadline) throws IOException {
        // One past the declared length, so the read that meets the stream's end needs no second array.
        byte[] body = new byte[(int) Math.min(limit, declaredLength >= 0 ? declaredLength + 1 : 8_192)];
        int size = 0;
        while (size < limit) {
            if (size == body.length) {
                body = Arrays.copyOf(body, (int) Math.min(limit, 2L * body.length));
            }
            int read = input.read(body, size, body.length - size);
            if (read == -1) {
                break;
            }
            size += read;
            if (System.nanoTime() - deadline >= 0 && size < limit) {
                throw new BodyTooSlowException();
            }
        }
        return Arrays.copyOf(body, size);
    }

    /**
     * Reads and drops a refused body until it ends or the deadline passes (the same bound as any body
     * read, so a trickling client gains nothing); a client that hangs up is simply done.
     */
    private static void discard(InputStream input, long deadline) {
        byte[] chunk = new byte[8_192];
        try {
            while (System.nanoTime() - deadline < 0 && input.read(chunk) != -1) {
                // dropped
            }
        } catch (IOException clientGoneOrTooSlow) {
            log.debug("Stopped reading a refused body: {}", clientGoneOrTooSlow.toString());
        }
    }

    private static boolean isReadTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static final class BodyTooSlowException extends IOException {
    }

    private static boolean isStrictUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException invalid) {
            return false;
        }
    }

    private static final class BufferedRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream input = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return input.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return input.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return input.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("bodies are buffered");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
