package dev.gatehouse.server.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Serves the pages' one stylesheet from the classpath. A route of our own rather than the server's static-file
 * handler, so the pages need nothing configured outside this package. Read once: it never changes at run time.
 */
final class Stylesheet {

    static final String PATH = "/static/gatehouse.css";
    private static final String RESOURCE = "static/gatehouse.css";

    private final byte[] css;

    Stylesheet() {
        try (InputStream in = Stylesheet.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + RESOURCE);
            }
            this.css = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void mount(RoutesConfig routes) {
        routes.get(PATH, this::serve);
    }

    private void serve(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.contentType("text/css; charset=utf-8").result(css);
    }
}
