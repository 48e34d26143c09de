package org.identityledger.infrastructure.database;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BlockingReadSocketFactoryTest {

    private final BlockingReadSocketFactory factory = new BlockingReadSocketFactory();

    /**
     * What the factory is for: Hikari's validation gives a read a timeout; the reads after it must
     * block in the kernel again, not poll (Java 17's own socket stays non-blocking for good).
     */
    @Test
    void aTimedOutReadLeavesTheSocketBlockingForTheReadsAfterIt() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket socket = factory.createSocket()) {
            socket.connect(server.getLocalSocketAddress(), 2_000);
            try (Socket accepted = server.accept()) {
                InputStream in = socket.getInputStream();
                socket.setSoTimeout(50);
                assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class);
                socket.setSoTimeout(0);

                assertThat(socket.getChannel()).isNotNull();
                assertThat(socket.getChannel().isBlocking()).isTrue();
                OutputStream out = accepted.getOutputStream();
                out.write(42);
                out.flush();
                assertThat(in.read()).isEqualTo(42);
            }
        }
    }

    @Test
    void theConnectingVariantsAnswerConnectedSockets() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress())) {
            InetAddress loopback = InetAddress.getLoopbackAddress();
            try (Socket byName = factory.createSocket(loopback.getHostAddress(), server.getLocalPort());
                 Socket byAddress = factory.createSocket(loopback, server.getLocalPort());
                 Socket boundLocally = factory.createSocket(loopback, server.getLocalPort(), loopback, 0)) {
                assertThat(byName.isConnected()).isTrue();
                assertThat(byAddress.isConnected()).isTrue();
                assertThat(boundLocally.isConnected()).isTrue();
                assertThat(boundLocally.getLocalAddress()).isEqualTo(loopback);
            }
        }
    }

    @Test
    void aRefusedConnectionLeavesNoSocketOpen() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        assertThatThrownBy(() -> factory.createSocket(InetAddress.getLoopbackAddress(), closedPort))
                .isInstanceOf(java.net.ConnectException.class);
    }
}
