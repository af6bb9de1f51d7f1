package dev.adapthub.core.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IPv4 or IPv6 range in CIDR notation ({@code 10.0.0.0/8}, {@code ::1/128}). */
record AddressRange(byte[] network, int prefix, String text) {

    /** @throws IllegalArgumentException when {@code cidr} is not an address with a prefix length */
    static AddressRange parse(String cidr) {
        String text = cidr.strip();
        int slash = text.indexOf('/');
        String host = slash < 0 ? text : text.substring(0, slash);
        if (!host.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("'" + cidr + "' is not an IP range: write an address and a prefix"
                    + " length, e.g. 127.0.0.0/8");
        }
        byte[] address;
        try {
            address = InetAddress.getByName(host).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + cidr + "' is not an IP range: " + e.getMessage());
        }
        int prefix = address.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > address.length * 8) {
                throw new IllegalArgumentException("'" + cidr + "' has a prefix length outside 0.."
                        + address.length * 8);
            }
        }
        return new AddressRange(address, prefix, text);
    }

    boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (bytes[full] & mask) == (network[full] & mask);
    }
}
