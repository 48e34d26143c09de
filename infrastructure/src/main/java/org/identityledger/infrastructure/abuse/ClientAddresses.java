package org.identityledger.infrastructure.abuse;

import org.identityledger.command.port.ClientAddressResolver;
import org.springframework.stereotype.Component;

import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The client's address for rate limiting: the socket peer, unless that peer is a configured trusted
 * proxy, in which case the right-most X-Forwarded-For entry that is not itself a trusted proxy. A
 * spoofed X-Forwarded-For from anyone else changes nothing; a request without any usable address
 * shares one key with all such requests rather than escaping the limit.
 */
@Component
public class ClientAddresses implements ClientAddressResolver {

    public static final String UNKNOWN = "unknown";
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9a-fA-F:.]{2,45}");

    private final List<Range> trustedProxies;
    private final int ipv6PrefixLength;

    ClientAddresses(AbuseSettings settings) {
        this.trustedProxies = settings.getTrustedProxies().stream().map(Range::parse).toList();
        this.ipv6PrefixLength = settings.getIpv6PrefixLength();
    }

    /**
     * The client's address as a rate-limit key. An IPv6 client is keyed by its network prefix
     * (identity.abuse.ipv6-prefix-length, /64 by default): one subscriber commonly holds a whole /64,
     * so keying single addresses would hand an attacker 2^64 fresh buckets.
     */
    @Override
    public String resolve(String socketPeer, String forwardedFor) {
        Optional<InetAddress> peer = literal(socketPeer);
        if (peer.isEmpty()) {
            return UNKNOWN;
        }
        if (!isTrusted(peer.get()) || forwardedFor == null || forwardedFor.isBlank()) {
            return key(peer.get());
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            Optional<InetAddress> hop = literal(hops[i].strip());
            if (hop.isEmpty()) {
                // Garbage in the chain: whoever wrote it is the client we can vouch for least; stop at the proxy.
                return key(peer.get());
            }
            if (!isTrusted(hop.get())) {
                return key(hop.get());
            }
        }
        return key(peer.get());
    }

    private String key(InetAddress address) {
        if (!(address instanceof Inet6Address) || ipv6PrefixLength >= 128) {
            // Java reads IPv4-mapped IPv6 (::ffff:a.b.c.d) as the IPv4 address, so it lands here too.
            return address.getHostAddress();
        }
        byte[] bytes = address.getAddress();
        for (int bit = ipv6PrefixLength; bit < 128; bit++) {
            bytes[bit / 8] &= (byte) ~(1 << (7 - bit % 8));
        }
        try {
            return InetAddress.getByAddress(bytes).getHostAddress() + "/" + ipv6PrefixLength;
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private boolean isTrusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(range -> range.contains(address));
    }

    /** Only IP literals: never a DNS lookup on attacker-supplied text. */
    static Optional<InetAddress> literal(String text) {
        if (text == null || !IP_LITERAL.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException | SecurityException notAnAddress) {
            return Optional.empty();
        }
    }

    private record Range(BigInteger network, int prefix, int bits) {

        static Range parse(String text) {
            String[] parts = text.strip().split("/", 2);
            InetAddress address = literal(parts[0]).orElseThrow(() ->
                    new IllegalArgumentException("identity.abuse.trusted-proxies: not an IP address: " + text));
            int bits = address.getAddress().length * 8;
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
            return new Range(new BigInteger(1, address.getAddress()).shiftRight(bits - prefix), prefix, bits);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            return bytes.length * 8 == bits
                    && new BigInteger(1, bytes).shiftRight(bits - prefix).equals(network);
        }
    }
}
