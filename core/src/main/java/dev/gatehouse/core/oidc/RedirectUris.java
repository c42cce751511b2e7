package dev.gatehouse.core.oidc;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Redirect URIs of native clients (RFC 8252): only the machine's own loopback interface, where the CLI listens on
 * a port it picks for each login. So a registered loopback URI matches a requested one whatever the port
 * (§7.3); everything else about it must be the same.
 */
final class RedirectUris {

    /** As {@link URI#getHost()} spells them; "localhost" is allowed (§8.3 discourages it, but clients use it). */
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "[::1]", "localhost");
    private static final Set<String> SCHEMES = Set.of("http", "https");
    private static final int MAX_PORT = 65_535;

    private RedirectUris() {
    }

    /** Whether a client may register {@code uri}: an absolute http(s) loopback URI without user info or fragment. */
    static boolean registrable(String uri) {
        return parse(uri).filter(u -> LOOPBACK_HOSTS.contains(u.getHost().toLowerCase(Locale.ROOT))).isPresent();
    }

    /** Whether {@code requested} is {@code registered}, the port aside for loopback hosts. */
    static boolean matches(String registered, String requested) {
        Optional<URI> r = parse(registered);
        Optional<URI> q = parse(requested);
        if (r.isEmpty() || q.isEmpty()) {
            return false;
        }
        URI reg = r.get();
        URI req = q.get();
        boolean loopback = LOOPBACK_HOSTS.contains(reg.getHost().toLowerCase(Locale.ROOT));
        return reg.getScheme().equalsIgnoreCase(req.getScheme())
                && reg.getHost().equalsIgnoreCase(req.getHost())
                && (loopback || reg.getPort() == req.getPort())
                && Objects.equals(reg.getRawPath(), req.getRawPath())
                && Objects.equals(reg.getRawQuery(), req.getRawQuery());
    }

    /** {@code scheme://host[:port]}, e.g. for the Content-Security-Policy of a page whose form ends there. */
    static String origin(String uri) {
        URI u = parse(uri).orElseThrow(() -> new IllegalArgumentException("not a redirect URI: " + uri));
        return u.getScheme().toLowerCase(Locale.ROOT) + "://" + u.getHost().toLowerCase(Locale.ROOT)
                + (u.getPort() == -1 ? "" : ":" + u.getPort());
    }

    /** The URI with {@code parameters} added to its query (RFC 6749 §3.1.2 keeps a query it already has). */
    static String withParameters(String uri, Map<String, String> parameters) {
        String added = parameters.entrySet().stream()
                .map(p -> encode(p.getKey()) + "=" + encode(p.getValue()))
                .collect(Collectors.joining("&"));
        return uri + (uri.contains("?") ? "&" : "?") + added;
    }

    private static Optional<URI> parse(String uri) {
        if (uri == null) {
            return Optional.empty();
        }
        try {
            URI parsed = new URI(uri);
            boolean usable = parsed.getScheme() != null && SCHEMES.contains(parsed.getScheme().toLowerCase(Locale.ROOT))
                    && parsed.getHost() != null && parsed.getRawUserInfo() == null && parsed.getRawFragment() == null
                    && parsed.getPort() >= -1 && parsed.getPort() != 0 && parsed.getPort() <= MAX_PORT;
            return usable ? Optional.of(parsed) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
