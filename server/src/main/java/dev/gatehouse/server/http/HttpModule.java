package dev.gatehouse.server.http;

import io.javalin.config.RoutesConfig;

/** A group of routes (one protocol, or the pages) that the composition root mounts on the one server. */
public interface HttpModule {

    void mount(RoutesConfig routes);
}
