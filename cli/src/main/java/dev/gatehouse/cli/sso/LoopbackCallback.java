package dev.gatehouse.cli.sso;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.cli.CliException;
import dev.gatehouse.cli.ExitCode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Where the browser comes back after sign-in and consent (RFC 8252 §7.3): an HTTP listener on 127.0.0.1 only,
 * on a free port or the one asked for, that takes exactly one answer on {@code /oauth/callback}. The answer
 * counts only with this login's {@code state}; one with another state ends the login, so a link forged by
 * another site can abort a login but never slip its own code into it. Every request has a thread of its own: a
 * browser's idle speculative connection holds up nothing (the AWS CLI, serving one request at a time, needs a
 * 10 s limit per request for that).
 */
final class LoopbackCallback implements AutoCloseable {

    static final String PATH = "/oauth/callback";
    private static final InetAddress LOOPBACK = loopback();

    private final HttpServer server;
    private final ExecutorService threads;
    private final String expectedState;
    private final CompletableFuture<String> code = new CompletableFuture<>();
    private boolean answered;

    private LoopbackCallback(HttpServer server, ExecutorService threads, String expectedState) {
        this.server = server;
        this.threads = threads;
        this.expectedState = expectedState;
    }

    /** @param port the port to listen on, 0 for any free one */
    static LoopbackCallback listen(int port, String expectedState) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(LOOPBACK, port), 0);
        } catch (IOException e) {
            throw new CliException(ExitCode.LOGIN_FAILED, "cannot listen on 127.0.0.1" + (port == 0 ? "" : ":" + port)
                    + " for the browser's answer (" + e.getMessage() + ")."
                    + (port == 0 ? "" : " Choose another --callback-port, or leave it out for a free one."), e);
        }
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        LoopbackCallback callback = new LoopbackCallback(server, threads, expectedState);
        server.createContext("/", callback::handle);
        server.setExecutor(threads);
        server.start();
        return callback;
    }

    /** The redirect URI of this login: the registered one, with this listener's port. */
    URI redirectUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    /** The authorization code, once the browser brought it; a refusal, a foreign answer or no answer in time fail. */
    String awaitCode(Duration timeout) {
        try {
            return code.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new CliException(ExitCode.LOGIN_FAILED, "the browser did not come back to " + redirectUri()
                    + " within " + readable(timeout) + ". Run the login again; where no browser on this machine can"
                    + " reach it, use --use-device-code.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CliException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCode.LOGIN_FAILED, "the login was interrupted");
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getRawPath().equals(PATH) || !exchange.getRequestMethod().equals("GET")) {
                respond(exchange, CallbackPage.notFound());
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            if (!query.containsKey("code") && !query.containsKey("error")) {
                respond(exchange, CallbackPage.incomplete());
                return;
            }
            if (!firstAnswer()) {
                respond(exchange, CallbackPage.alreadyAnswered());
                return;
            }
            CallbackPage page;
            Runnable outcome;
            if (!expectedState.equals(query.get("state"))) {
                page = CallbackPage.foreignState();
                outcome = () -> code.completeExceptionally(new CliException(ExitCode.LOGIN_FAILED, "the browser came"
                        + " back with an answer that does not belong to this login (its state does not match), so it"
                        + " was refused. Run the login again."));
            } else if (query.containsKey("error")) {
                String reason = reason(query.get("error"), query.get("error_description"));
                page = CallbackPage.refused(reason);
                outcome = () -> code.completeExceptionally(new CliException(ExitCode.LOGIN_FAILED, "the login was"
                        + " refused in the browser: " + reason + ". Run the login again."));
            } else {
                page = CallbackPage.signedIn();
                outcome = () -> code.complete(query.get("code"));
            }
            // The page first, then the outcome: the CLI stops this listener as soon as it has the outcome. The
            // outcome stands even when the browser went away before reading its page.
            try {
                respond(exchange, page);
            } finally {
                outcome.run();
            }
        }
    }

    private synchronized boolean firstAnswer() {
        if (answered) {
            return false;
        }
        answered = true;
        return true;
    }

    private static void respond(HttpExchange exchange, CallbackPage page) throws IOException {
        byte[] html = page.html();
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "text/html; charset=utf-8");
        headers.set("Content-Security-Policy", CallbackPage.CONTENT_SECURITY_POLICY);
        headers.set("Cache-Control", "no-store");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Content-Type-Options", "nosniff");
        // No keep-alive: the listener is about to close, and must not cut a connection with unread requests.
        headers.set("Connection", "close");
        exchange.sendResponseHeaders(page.status(), html.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(html);
        }
    }

    /** The first value of each parameter, decoded. */
    private static Map<String, String> query(String rawQuery) {
        Map<String, String> values = new HashMap<>();
        if (rawQuery == null) {
            return values;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = decoded(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decoded(pair.substring(equals + 1));
            values.putIfAbsent(name, value);
        }
        return values;
    }

    private static String decoded(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    /** The OAuth error and its description, as one line a terminal can show safely. */
    private static String reason(String error, String description) {
        String reason = description == null || description.isBlank() ? error : error + ": " + description;
        return reason.replaceAll("\\p{Cntrl}", " ").strip();
    }

    private static String readable(Duration timeout) {
        return timeout.toSeconds() >= 60 ? timeout.toMinutes() + " minutes" : timeout.toMillis() + " ms";
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (IOException e) {
            throw new IllegalStateException("127.0.0.1 is a valid address", e);
        }
    }
}
