package dev.gatehouse.server.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose {@code X-Forwarded-For} Gatehouse believes ({@code trusted-proxies}): addresses and CIDR
 * blocks, IPv4 or IPv6. A request's source address is its direct peer, unless that peer is listed; then it is the
 * rightmost address in {@code X-Forwarded-For} that is not itself a listed proxy, since everything left of that was
 * written by the client and can say anything. Only IP literals are read: nothing here looks a name up.
 */
public final class TrustedProxies {

    public static final TrustedProxies NONE = new TrustedProxies(List.of(), List.of());

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV4_WITH_PORT = Pattern.compile("(\\d{1,3}(\\.\\d{1,3}){3}):\\d{1,5}");
    private static final Pattern BRACKETED_IPV6 = Pattern.compile("\\[([0-9A-Fa-f:.]+(%\\w+)?)](:\\d{1,5})?");
    /** More hops than any real chain of proxies; a longer header is read from its right end only. */
    private static final int MAX_HOPS = 20;

    private record Block(byte[] network, int prefixLength) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int bits = prefixLength;
            for (int i = 0; i < address.length && bits > 0; i++, bits -= 8) {
                int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
                if ((address[i] & mask) != (network[i] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<String> entries;
    private final List<Block> blocks;

    private TrustedProxies(List<String> entries, List<Block> blocks) {
        this.entries = entries;
        this.blocks = blocks;
    }

    /**
     * @param entries addresses ({@code 10.0.0.5}, {@code ::1}) and CIDR blocks ({@code 10.0.0.0/8}, {@code fd00::/8})
     * @throws IllegalArgumentException naming the first entry that is neither
     */
    public static TrustedProxies of(List<String> entries) {
        List<Block> blocks = new ArrayList<>();
        for (String entry : entries) {
            String text = entry.strip();
            int slash = text.indexOf('/');
            byte[] network = literal(slash < 0 ? text : text.substring(0, slash));
            if (network == null) {
                throw new IllegalArgumentException(entry + " is not an IP address or CIDR block");
            }
            int prefix = network.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(text.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(entry + " has no prefix length after /");
                }
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException(entry + " has a prefix length out of range");
                }
            }
            blocks.add(new Block(network, prefix));
        }
        return new TrustedProxies(List.copyOf(entries), List.copyOf(blocks));
    }

    public List<String> entries() {
        return entries;
    }

    /**
     * The address the request came from.
     *
     * @param peer         the direct peer's address, as the connection says
     * @param forwardedFor every {@code X-Forwarded-For} header value, in arrival order
     */
    public String sourceOf(String peer, List<String> forwardedFor) {
        if (blocks.isEmpty() || !trusts(peer) || forwardedFor == null || forwardedFor.isEmpty()) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        String source = peer;
        for (int i = hops.size() - 1; i >= Math.max(0, hops.size() - MAX_HOPS); i--) {
            String address = address(hops.get(i));
            if (address == null) {
                // Not an address: what a trusted proxy would never write. Stop at the last hop that was one.
                return source;
            }
            source = address;
            if (!trusts(address)) {
                return address;
            }
        }
        return source;
    }

    /** Whether {@code address} (an IP literal) is one of the listed proxies. */
    public boolean trusts(String address) {
        byte[] bytes = address == null ? null : literal(address);
        if (bytes == null) {
            return false;
        }
        for (Block block : blocks) {
            if (block.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    /** A hop as proxies write it ({@code 1.2.3.4}, {@code 1.2.3.4:5678}, {@code ::1}, {@code [::1]:5678}), normalized. */
    private static String address(String hop) {
        String text = hop;
        var withPort = IPV4_WITH_PORT.matcher(text);
        if (withPort.matches()) {
            text = withPort.group(1);
        }
        var bracketed = BRACKETED_IPV6.matcher(text);
        if (bracketed.matches()) {
            text = bracketed.group(1);
        }
        byte[] bytes = literal(text);
        if (bytes == null) {
            return null;
        }
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** The bytes of an IPv4 or IPv6 literal, or null: never a name lookup. */
    private static byte[] literal(String text) {
        if (text.isEmpty() || text.length() > 64) {
            return null;
        }
        if (IPV4.matcher(text).matches()) {
            String[] parts = text.split("\\.");
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int part = Integer.parseInt(parts[i]);
                if (part > 255) {
                    return null;
                }
                bytes[i] = (byte) part;
            }
            return bytes;
        }
        if (text.indexOf(':') < 0 || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.'
                || c == '%' || Character.isLetterOrDigit(c))) {
            return null;
        }
        try {
            // With a colon in it, getByName parses an IPv6 literal and never asks a resolver.
            byte[] bytes = InetAddress.getByName(text.startsWith("[") ? text : "[" + text + "]").getAddress();
            return bytes;
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return String.join(",", entries);
    }
}
