package org.identityledger.infrastructure.database;

import javax.net.SocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SocketChannel;

/**
 * The PostgreSQL driver's sockets (application.yml: {@code spring.datasource.hikari.data-source-properties.socketFactory}),
 * made from socket channels so that a read waiting for PostgreSQL is one blocking {@code read} system
 * call, as it was before Java 13.
 * <p>
 * Java 17's default socket switches itself to non-blocking mode for good the first time a read has a
 * timeout, and Hikari sets one whenever it validates a connection. From then on every read that has
 * to wait for PostgreSQL's answer took three system calls, a read that finds nothing, a {@code poll}
 * and the read again: measured under the refresh load, 4,148 {@code poll}s and 4,852 empty reads in a
 * few seconds, none with this factory. A system call is the dearest thing a request does on these
 * virtual machines (a socket write cost about 50 µs in the refresh profile), and a refresh waits for
 * PostgreSQL twice. A socket channel's socket restores blocking mode after each timed read, so only
 * the validation's own read polls.
 * <p>
 * The one difference callers could see: a thread interrupted while it waits for PostgreSQL closes its
 * connection (the channel's rule) instead of leaving it open mid-answer; the pool then drops it.
 */
public final class BlockingReadSocketFactory extends SocketFactory {

    /** The driver's way in: an unconnected socket it connects with its own timeout. */
    @Override
    public Socket createSocket() throws IOException {
        return SocketChannel.open().socket();
    }

    // The four overloads SocketFactory requires; the driver uses none of them.
    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return createSocket(host, port, null, 0);
    }

    @Override
    public Socket createSocket(InetAddress address, int port) throws IOException {
        return createSocket(address, port, null, 0);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), localAddress, localPort);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected(new InetSocketAddress(address, port), localAddress, localPort);
    }

    private Socket connected(InetSocketAddress remote, InetAddress localAddress, int localPort) throws IOException {
        Socket socket = createSocket();
        try {
            if (localAddress != null || localPort != 0) {
                socket.bind(new InetSocketAddress(localAddress, localPort));
            }
            socket.connect(remote);
            return socket;
        } catch (IOException | RuntimeException failed) {
            socket.close();
            throw failed;
        }
    }
}
