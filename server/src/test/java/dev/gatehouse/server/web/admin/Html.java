package dev.gatehouse.server.web.admin;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough HTML reading for page tests: an element by id, an attribute of it, its text. */
final class Html {

    private Html() {
    }

    /** The opening tag of the element with this id. */
    static String tag(String html, String id) {
        Matcher m = Pattern.compile("<[a-z]+[^>]*\\sid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
        if (!m.find()) {
            throw new AssertionError("No element with id " + id + " in:\n" + html);
        }
        return m.group();
    }

    static boolean has(String html, String id) {
        return html.contains(" id=\"" + id + "\"");
    }

    static String attribute(String html, String id, String attribute) {
        Matcher m = Pattern.compile("\\s" + Pattern.quote(attribute) + "=\"([^\"]*)\"").matcher(tag(html, id));
        if (!m.find()) {
            throw new AssertionError("No " + attribute + " on " + tag(html, id));
        }
        return unescape(m.group(1));
    }

    /** The element's text up to the next tag, trimmed and unescaped. */
    static String text(String html, String id) {
        String tag = tag(html, id);
        int start = html.indexOf(tag) + tag.length();
        int end = html.indexOf('<', start);
        return unescape(html.substring(start, end).strip());
    }

    static String unescape(String text) {
        return text.replace("&#34;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
