package io.nianbao.service.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Which resolved addresses a request of ours may connect to, whatever it is for (a document's URL,
 * a webhook, a chat robot, a portal's page): public unicast only. Refused are loopback (unless
 * allowed for tests), the unspecified address, private, link-local, multicast, CGNAT,
 * documentation, benchmarking and reserved ranges, IPv6 unique-local, and the IPv6 prefixes that
 * embed an IPv4 address (NAT64, 6to4, Teredo), which could smuggle a private one. (IPv4-mapped
 * IPv6 addresses reach us as IPv4: the JDK converts them.) {@link OutboundHttp} applies it to
 * every address a host resolves to, at connection time.
 */
public final class AddressPolicy {

    private static final List<Block> SPECIAL = List.of(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
            "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "::/128", "::1/128", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001::/32",
            "2001:db8::/32", "2002::/16", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8").stream().map(Block::parse).toList();

    private final boolean allowLoopback;

    public AddressPolicy(boolean allowLoopback) {
        this.allowLoopback = allowLoopback;
    }

    public boolean permits(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return allowLoopback;
        }
        return SPECIAL.stream().noneMatch(block -> block.contains(address));
    }

    private record Block(byte[] prefix, int bits) {

        static Block parse(String cidr) {
            int slash = cidr.indexOf('/');
            try {
                return new Block(InetAddress.getByName(cidr.substring(0, slash)).getAddress(),
                        Integer.parseInt(cidr.substring(slash + 1)));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(cidr, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != prefix.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((bytes[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
