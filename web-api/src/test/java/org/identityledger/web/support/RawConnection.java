package org.identityledger.web.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 connection driven byte by byte, for clients no well-behaved library would imitate:
 * trickled headers, bodies that never finish, request lines far beyond any limit.
 */
public final class RawConnection implements AutoCloseable {

    private final Socket socket;

    public RawConnection(int port) throws IOException {
        this.socket = new Socket("127.0.0.1", port);
        this.socket.setSoTimeout(30_000);
    }

    public RawConnection send(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return this;
    }

    /** False when the server has closed or reset the connection. */
    public boolean trySend(String text) {
        try {
            send(text);
            return true;
        } catch (IOException closed) {
            return false;
        }
    }

    /** Everything the server sends until it closes the connection or {@code timeoutMillis} pass. */
    public String readUntilClosed(int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        InputStream input = socket.getInputStream();
        byte[] chunk = new byte[8_192];
        try {
            int read;
            while ((read = input.read(chunk)) != -1) {
                received.write(chunk, 0, read);
            }
        } catch (SocketTimeoutException stillOpen) {
            return received.toString(StandardCharsets.ISO_8859_1) + "\n<still open>";
        } catch (IOException reset) {
            // A reset after the answer still counts as closed.
        }
        return received.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
