package dev.gatehouse.cli.sso;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The small page the loopback listener shows the browser: self-contained (no script, no external asset), with a
 * policy that allows nothing but its own inline style, found by its hash.
 */
record CallbackPage(int status, String title, String message) {

    private static final String TEMPLATE = template();
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + styleHash(TEMPLATE)
            + "'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    static CallbackPage signedIn() {
        return new CallbackPage(200, "Login complete",
                "The Gatehouse CLI is signed in. You can close this window and return to the terminal.");
    }

    static CallbackPage refused(String reason) {
        return new CallbackPage(200, "Login failed", "The sign-in did not complete: " + reason
                + ". You can close this window; the terminal says what to do next.");
    }

    static CallbackPage foreignState() {
        return new CallbackPage(400, "Login failed", "This answer does not belong to the login the terminal is"
                + " waiting for, so it was refused. You can close this window and run the login again.");
    }

    static CallbackPage incomplete() {
        return new CallbackPage(400, "Not a sign-in answer",
                "This address only takes the answer of a sign-in (a code or an error). You can close this window.");
    }

    static CallbackPage alreadyAnswered() {
        return new CallbackPage(409, "Login already answered",
                "The terminal has already received an answer for this login. You can close this window.");
    }

    static CallbackPage notFound() {
        return new CallbackPage(404, "Not found", "The Gatehouse CLI only listens for its login answer here.");
    }

    byte[] html() {
        return TEMPLATE.replace("{{title}}", escaped(title)).replace("{{message}}", escaped(message))
                .getBytes(StandardCharsets.UTF_8);
    }

    static String escaped(String text) {
        StringBuilder html = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
        return html.toString();
    }

    private static String template() {
        try (InputStream in = CallbackPage.class.getResourceAsStream("callback-page.html")) {
            if (in == null) {
                throw new IllegalStateException("callback-page.html is missing from the CLI's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String styleHash(String template) {
        String style = template.substring(template.indexOf("<style>") + "<style>".length(), template.indexOf("</style>"));
        try {
            return "sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(style.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
