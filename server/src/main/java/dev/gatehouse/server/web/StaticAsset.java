package dev.gatehouse.server.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * One file the pages load, served from the classpath: the one stylesheet and the one script. A route of our own
 * rather than the server's static-file handler, so the pages need nothing configured outside this package. Read
 * once: it never changes at run time.
 */
final class StaticAsset {

    static final String STYLESHEET = "/static/gatehouse.css";
    static final String SCRIPT = "/static/gatehouse.js";

    private final String path;
    private final String contentType;
    private final byte[] content;

    private StaticAsset(String path, String contentType) {
        this.path = path;
        this.contentType = contentType;
        String resource = path.substring(1);
        try (InputStream in = StaticAsset.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + resource);
            }
            this.content = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static StaticAsset stylesheet() {
        return new StaticAsset(STYLESHEET, "text/css; charset=utf-8");
    }

    static StaticAsset script() {
        return new StaticAsset(SCRIPT, "text/javascript; charset=utf-8");
    }

    void mount(RoutesConfig routes) {
        routes.get(path, this::serve);
    }

    private void serve(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.contentType(contentType).result(content);
    }
}
