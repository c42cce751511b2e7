package dev.gatehouse.policy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * {@code IpAddress}/{@code NotIpAddress}: IPv4 or IPv6 ranges in CIDR notation, a bare address meaning just that
 * address (IAM JSON policy elements: Condition operators, "IP address condition operators"). Policy variables are
 * not supported with these operators.
 */
final class IpValues implements ValueMatcher {

    private record Range(byte[] network, int prefix) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            int mask = (0xff << (8 - rest)) & 0xff;
            return rest == 0 || (address[full] & mask) == (network[full] & mask);
        }
    }

    private final Range[] ranges;

    IpValues(List<PolicyString> values) {
        this.ranges = values.stream().map(value -> range(value.raw())).toArray(Range[]::new);
    }

    private static Range range(String text) {
        int slash = text.indexOf('/');
        byte[] address = address(slash < 0 ? text : text.substring(0, slash));
        if (address == null) {
            throw new IllegalArgumentException("value " + text + " is not an IP address or CIDR range");
        }
        int prefix = address.length * 8;
        if (slash >= 0) {
            String bits = text.substring(slash + 1);
            if (bits.isEmpty() || bits.length() > 3 || !bits.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(bits) > address.length * 8) {
                throw new IllegalArgumentException("value " + text + " has an invalid prefix length /" + bits);
            }
            prefix = Integer.parseInt(bits);
        }
        return new Range(address, prefix);
    }

    @Override
    public boolean matchesAny(String requestValue, ContextKeys context) {
        byte[] address = address(requestValue);
        if (address == null) {
            return false;
        }
        for (Range range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** The address's bytes, or {@code null}; never a name lookup: only literals reach {@code InetAddress}. */
    static byte[] address(String text) {
        if (text.indexOf(':') < 0) {
            return ipv4(text);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
                return null;
            }
        }
        try {
            byte[] bytes = InetAddress.getByName(text).getAddress();
            return bytes;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static byte[] ipv4(String text) {
        byte[] bytes = new byte[4];
        int part = 0;
        int value = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i == text.length() ? '.' : text.charAt(i);
            if (c == '.') {
                if (value < 0 || part == 4) {
                    return null;
                }
                bytes[part++] = (byte) value;
                value = -1;
            } else if (c >= '0' && c <= '9') {
                value = value < 0 ? c - '0' : value * 10 + c - '0';
                if (value > 255) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return part == 4 ? bytes : null;
    }
}
