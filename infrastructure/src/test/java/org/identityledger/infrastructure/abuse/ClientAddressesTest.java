package org.identityledger.infrastructure.abuse;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressesTest {

    private static ClientAddresses trusting(String... proxies) {
        AbuseSettings settings = new AbuseSettings();
        settings.setTrustedProxies(List.of(proxies));
        return new ClientAddresses(settings);
    }

    @Test
    void theSocketPeerIsTheClientWhenNoProxyIsTrusted() {
        assertThat(trusting().resolve("198.51.100.7", "203.0.113.1")).isEqualTo("198.51.100.7");
    }

    @Test
    void aSpoofedForwardedForFromAnUntrustedPeerChangesNothing() {
        assertThat(trusting("10.0.0.0/8").resolve("198.51.100.7", "1.2.3.4, 5.6.7.8")).isEqualTo("198.51.100.7");
    }

    @Test
    void behindATrustedProxyTheRightmostUntrustedHopIsTheClient() {
        ClientAddresses addresses = trusting("10.0.0.0/8", "192.0.2.10");
        assertThat(addresses.resolve("10.1.2.3", "203.0.113.9")).isEqualTo("203.0.113.9");
        // The client may prepend anything; only what our proxies appended is believed.
        assertThat(addresses.resolve("10.1.2.3", "6.6.6.6, 203.0.113.9, 192.0.2.10")).isEqualTo("203.0.113.9");
    }

    @Test
    void garbageInTheChainStopsAtTheProxy() {
        assertThat(trusting("10.0.0.0/8").resolve("10.1.2.3", "evil.example.com")).isEqualTo("10.1.2.3");
        assertThat(trusting("10.0.0.0/8").resolve("10.1.2.3", "203.0.113.9, <script>")).isEqualTo("10.1.2.3");
    }

    @Test
    void ipv6RangesWork() {
        assertThat(trusting("2001:db8::/32").resolve("2001:db8::1", "2001:db9::5")).isEqualTo("2001:db9:0:0:0:0:0:0/64");
    }

    @Test
    void everyAddressOfOneIpv6SubscriberNetworkSharesOneKey() {
        ClientAddresses addresses = trusting();
        String first = addresses.resolve("2001:db8:1:2::1", null);
        assertThat(addresses.resolve("2001:db8:1:2:ffff:ffff:ffff:ffff", null)).isEqualTo(first);
        assertThat(addresses.resolve("2001:db8:1:3::1", null)).isNotEqualTo(first);
        assertThat(first).isEqualTo("2001:db8:1:2:0:0:0:0/64");
    }

    @Test
    void theIpv6PrefixIsASettingAndMappedIpv4StaysIpv4() {
        AbuseSettings settings = new AbuseSettings();
        settings.setIpv6PrefixLength(128);
        ClientAddresses perAddress = new ClientAddresses(settings);
        assertThat(perAddress.resolve("2001:db8:1:2::1", null)).isNotEqualTo(perAddress.resolve("2001:db8:1:2::2", null));
        assertThat(trusting().resolve("::ffff:198.51.100.7", null)).isEqualTo("198.51.100.7");
    }

    @Test
    void aRequestWithoutAUsableAddressSharesOneKey() {
        assertThat(trusting().resolve(null, null)).isEqualTo(ClientAddresses.UNKNOWN);
        assertThat(trusting().resolve("", "1.2.3.4")).isEqualTo(ClientAddresses.UNKNOWN);
        assertThat(trusting().resolve("not-an-ip", null)).isEqualTo(ClientAddresses.UNKNOWN);
    }
}
