package org.identityledger.command.port;

/** The client's address for abuse limits: the socket peer, or what a trusted proxy forwarded. */
public interface ClientAddressResolver {

    String resolve(String socketPeer, String forwardedFor);
}
