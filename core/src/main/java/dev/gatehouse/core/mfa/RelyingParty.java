package dev.gatehouse.core.mfa;

import java.net.URI;
import java.util.Locale;

/**
 * This instance as WebAuthn sees it: the RP id (the host name a passkey is bound to), the name an authenticator
 * shows, and the one origin whose pages may use the passkeys. All three come from the public URL, so a passkey
 * registered on {@code https://sso.example.com} works there and nowhere else.
 */
public record RelyingParty(String id, String name, String origin) {

    public static RelyingParty of(String publicUrl, String name) {
        URI url = URI.create(publicUrl);
        String host = url.getHost().toLowerCase(Locale.ROOT);
        String origin = url.getScheme().toLowerCase(Locale.ROOT) + "://" + host
                + (url.getPort() == -1 ? "" : ":" + url.getPort());
        return new RelyingParty(host, name, origin);
    }
}
