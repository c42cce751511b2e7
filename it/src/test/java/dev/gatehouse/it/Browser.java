package dev.gatehouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * A person at a browser, reduced to what the pages need: cookies, forms with their CSRF token, and no
 * automatic redirects, so each step's answer can be checked.
 */
public final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    /** One page as it arrived. */
    public record Page(int status, String location, String html) {

        public String csrf() {
            Matcher matcher = CSRF.matcher(html);
            assertThat(matcher.find()).as("page has a csrf field:%n%s", html).isTrue();
            return matcher.group(1);
        }

        /** The text of the element with this id (one without nested tags), unescaped as a browser shows it. */
        public String text(String id) {
            Matcher matcher = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<").matcher(html);
            assertThat(matcher.find()).as("page has an element %s:%n%s", id, html).isTrue();
            return unescape(matcher.group(1));
        }

        /** The value of the hidden form field {@code name}, unescaped as a browser would. */
        public String hidden(String name) {
            Matcher matcher = Pattern.compile("<input type=\"hidden\" name=\"" + Pattern.quote(name)
                    + "\" value=\"([^\"]*)\">").matcher(html);
            assertThat(matcher.find()).as("page has a hidden %s field:%n%s", name, html).isTrue();
            return unescape(matcher.group(1));
        }

        private static String unescape(String html) {
            return html.replace("&#34;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                    .replace("&amp;", "&");
        }
    }

    private final String baseUrl;
    private final HttpClient http;

    public Browser(String baseUrl) {
        this(baseUrl, null);
    }

    /** @param tls what an https server's certificate must chain to; null: the JDK's default trust */
    public Browser(String baseUrl, SSLContext tls) {
        this.baseUrl = baseUrl;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5));
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.http = builder.build();
    }

    /** A fresh browser for {@code gatehouse}, trusting its certificate when it serves https. */
    public static Browser at(RunningGatehouse gatehouse) {
        return new Browser(gatehouse.baseUrl(), gatehouse.clientTls());
    }

    /** The person signs in in a fresh browser, opens the code's page and answers {@code approve} or {@code deny}. */
    public static Page decideAs(String baseUrl, Entitlement person, String userCode, String decision) {
        return decideAs(new Browser(baseUrl), person, userCode, decision);
    }

    /** As {@link #decideAs(String, Entitlement, String, String)}, at {@code gatehouse}, over https if it serves it. */
    public static Page decideAs(RunningGatehouse gatehouse, Entitlement person, String userCode, String decision) {
        return decideAs(at(gatehouse), person, userCode, decision);
    }

    private static Page decideAs(Browser browser, Entitlement person, String userCode, String decision) {
        browser.signIn(person.userName(), person.password(), "/device?user_code=" + userCode);
        Page confirmation = browser.openDevicePage(userCode);
        assertThat(confirmation.status()).as("confirmation page:%n%s", confirmation.html()).isEqualTo(200);
        return browser.decide(confirmation, userCode, decision);
    }

    /** Signs in through {@code /signin}, coming back to {@code next}. */
    public void signIn(String userName, String password, String next) {
        Page form = get("/signin?next=" + encode(next));
        assertThat(form.status()).as("sign-in form").isEqualTo(200);
        Page signedIn = post("/signin", Map.of("username", userName, "password", password, "next", next,
                "csrf", form.csrf()));
        assertThat(signedIn.status()).as("sign-in answer:%n%s", signedIn.html()).isEqualTo(303);
        assertThat(signedIn.location()).isEqualTo(next);
    }

    /**
     * Signs in on the page a redirect led to, going on to whatever {@code next} that page carries; returns the
     * sign-in's answer.
     */
    public Page signInWhereRedirected(Page redirectToSignIn, String userName, String password) {
        assertThat(redirectToSignIn.status()).as("redirect to sign in:%n%s", redirectToSignIn.html()).isEqualTo(303);
        Page form = get(redirectToSignIn.location());
        assertThat(form.status()).as("sign-in form").isEqualTo(200);
        return post("/signin", Map.of("username", userName, "password", password, "next", form.hidden("next"),
                "csrf", form.csrf()));
    }

    /** Opens the verification page for a code, as the verificationUriComplete link does. */
    public Page openDevicePage(String userCode) {
        return get("/device?user_code=" + encode(userCode));
    }

    /** Confirms the code on the page it opened, or refuses it. */
    public Page decide(Page confirmation, String userCode, String decision) {
        return post("/device/decision", Map.of("user_code", userCode, "decision", decision,
                "csrf", confirmation.csrf()));
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    public Page post(String path, Map<String, String> form) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(form))));
    }

    /**
     * Posts a form with extra request headers (say the {@code Origin} another site's page would send), returning
     * the whole response so a test can also read its headers.
     */
    public HttpResponse<String> post(String path, Map<String, String> form, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(form)));
        headers.forEach(request::header);
        return exchange(request);
    }

    /** A GET whose whole response, headers too, the test reads. */
    public HttpResponse<String> getResponse(String path) {
        return exchange(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    private static String formBody(Map<String, String> form) {
        return form.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    private HttpResponse<String> exchange(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private Page send(HttpRequest.Builder request) {
        HttpResponse<String> response = exchange(request);
        return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                response.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
