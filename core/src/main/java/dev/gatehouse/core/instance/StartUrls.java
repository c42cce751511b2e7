package dev.gatehouse.core.instance;

import java.util.Locale;

/** Start URLs are opaque identifiers; clients differ only in case of the host and a trailing slash or '#/'. */
final class StartUrls {

    private StartUrls() {
    }

    static String normalize(String url) {
        if (url == null) {
            return "";
        }
        String u = url.trim();
        if (u.endsWith("#/")) {
            u = u.substring(0, u.length() - 2);
        }
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        int scheme = u.indexOf("://");
        if (scheme < 0) {
            return u;
        }
        int pathStart = u.indexOf('/', scheme + 3);
        String head = pathStart < 0 ? u : u.substring(0, pathStart);
        String tail = pathStart < 0 ? "" : u.substring(pathStart);
        return head.toLowerCase(Locale.ROOT) + tail;
    }
}
