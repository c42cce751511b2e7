package dev.gatehouse.server.web;

import dev.gatehouse.server.http.HttpsPolicy;
import io.javalin.http.Context;

/**
 * Writes the pages' cookies with all their attributes spelled out. Written by hand rather than through the
 * container's cookie API so the exact header is obvious here and the same on every Jetty version.
 * {@code Secure} follows the public URL: behind https, a cookie must never travel over plain http.
 */
final class CookieWriter {

    enum SameSite { LAX, STRICT }

    private final boolean secure;

    CookieWriter(String publicUrl) {
        this.secure = HttpsPolicy.isHttps(publicUrl);
    }

    /**
     * @param value         a base64url token: needs no quoting
     * @param maxAgeSeconds how long the browser keeps it, or a negative number for "until the browser closes"
     */
    void write(Context ctx, String name, String value, SameSite sameSite, long maxAgeSeconds) {
        StringBuilder header = new StringBuilder(name).append('=').append(value).append("; Path=/");
        if (maxAgeSeconds >= 0) {
            header.append("; Max-Age=").append(maxAgeSeconds);
        }
        header.append("; HttpOnly; SameSite=").append(sameSite == SameSite.LAX ? "Lax" : "Strict");
        if (secure) {
            header.append("; Secure");
        }
        // addHeader, not setHeader: one response may set more than one cookie.
        ctx.res().addHeader("Set-Cookie", header.toString());
    }

    void clear(Context ctx, String name, SameSite sameSite) {
        write(ctx, name, "", sameSite, 0);
    }
}
