package dev.gatehouse.server.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One person's browser: keeps cookies, does not follow redirects (tests look at each 303), and reads the
 * hidden fields a page's form carries.
 */
public final class Browser {

    private final WebTestServer server;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;

    Browser(WebTestServer server) {
        this.server = server;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(server.url(pathAndQuery))).GET().build());
    }

    /** Follows redirects from {@code pathAndQuery} until a page answers. */
    public HttpResponse<String> open(String pathAndQuery) {
        HttpResponse<String> response = get(pathAndQuery);
        for (int hops = 0; hops < 5 && response.statusCode() / 100 == 3; hops++) {
            response = get(location(response));
        }
        return response;
    }

    public HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Signs in as a user made with {@link WebTestServer#createActiveUser}; returns the sign-in POST's answer. */
    public HttpResponse<String> signIn(String userName, String next) {
        HttpResponse<String> form = get("/signin?next=" + encode(next));
        return post("/signin", form(
                "username", userName, "password", WebTestServer.PASSWORD, "next", next,
                "csrf", hidden(form, "csrf")));
    }

    Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst();
    }

    /** Gives this browser a cookie, as another site's script or a crafted link could not but a test can. */
    void setCookie(String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(server.url("/")), cookie);
    }

    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow();
    }

    /** The value of {@code <input type="hidden" name="…" value="…">}, unescaped as a browser would. */
    public static String hidden(HttpResponse<String> page, String name) {
        return firstMatch(page, "<input type=\"hidden\" name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\">",
                "hidden field " + name);
    }

    /** The value of the first attribute {@code name="…"} on the page (e.g. a form's WebAuthn options), unescaped. */
    public static String attribute(HttpResponse<String> page, String name) {
        return firstMatch(page, "\\s" + Pattern.quote(name) + "=\"([^\"]*)\"", "attribute " + name);
    }

    private static String firstMatch(HttpResponse<String> page, String regex, String what) {
        Matcher m = Pattern.compile(regex).matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("No " + what + " in:\n" + page.body());
        }
        return m.group(1).replace("&#34;", "\"").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&");
    }

    public static Map<String, String> form(String... namesAndValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
