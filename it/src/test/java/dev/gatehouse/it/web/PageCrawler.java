package dev.gatehouse.it.web;

import dev.gatehouse.it.Browser;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walks, with a signed-in {@link Browser}, every same-origin page reachable by links from where it starts, and
 * collects every POST form on them, so a test can check all pages and forms without listing them by hand (a new
 * page is checked the day it is linked).
 */
final class PageCrawler {

    private static final Pattern LINK = Pattern.compile("href=\"(/[^\"#]*)");
    private static final Pattern FORM = Pattern.compile(
            "<form\\b[^>]*method=\"post\"[^>]*action=\"(/[^\"]*)\"[^>]*>(.*?)</form>", Pattern.DOTALL);
    private static final Pattern INPUT = Pattern.compile("<(?:input|button|textarea|select)\\b([^>]*)>");
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]+)\"");
    private static final Pattern VALUE = Pattern.compile("\\bvalue=\"([^\"]*)\"");
    private static final int MAX_PAGES = 300;

    /** One POST form as a page shows it: where it posts and the fields it would send. */
    record Form(String foundOn, String action, Map<String, String> fields) {

        /** The fields with {@code changed} applied; a null value leaves that field out. */
        Map<String, String> with(Map<String, String> changed) {
            Map<String, String> sent = new LinkedHashMap<>(fields);
            sent.putAll(changed);
            sent.values().removeIf(v -> v == null);
            return sent;
        }
    }

    private final Browser browser;
    private final Map<String, HttpResponse<String>> pages = new LinkedHashMap<>();
    private final List<Form> forms = new ArrayList<>();

    PageCrawler(Browser browser) {
        this.browser = browser;
    }

    /** Visits {@code starts} and everything they link to, except paths {@code skip} names (e.g. sign-out). */
    void crawl(List<String> starts, Set<String> skip) {
        Deque<String> queue = new ArrayDeque<>(starts);
        Set<String> seen = new LinkedHashSet<>(starts);
        while (!queue.isEmpty() && pages.size() < MAX_PAGES) {
            String path = queue.removeFirst();
            HttpResponse<String> page = browser.getResponse(path);
            pages.put(path, page);
            for (Matcher link = LINK.matcher(page.body()); link.find(); ) {
                String target = link.group(1).replace("&amp;", "&");
                if (!target.startsWith("/static/") && skip.stream().noneMatch(target::startsWith)
                        && seen.add(target)) {
                    queue.addLast(target);
                }
            }
            for (Matcher form = FORM.matcher(page.body()); form.find(); ) {
                forms.add(new Form(path, form.group(1).replace("&amp;", "&"), fields(form.group(2))));
            }
        }
    }

    Map<String, HttpResponse<String>> pages() {
        return pages;
    }

    List<Form> forms() {
        return forms;
    }

    private static Map<String, String> fields(String formHtml) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Matcher input = INPUT.matcher(formHtml); input.find(); ) {
            Matcher name = NAME.matcher(input.group(1));
            if (name.find()) {
                Matcher value = VALUE.matcher(input.group(1));
                fields.putIfAbsent(name.group(1), value.find() ? unescape(value.group(1)) : "x");
            }
        }
        return fields;
    }


    private static String unescape(String html) {
        return html.replace("&#34;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
