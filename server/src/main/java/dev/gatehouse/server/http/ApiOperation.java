package dev.gatehouse.server.http;

import io.javalin.http.Context;

/** One API operation: parses the request, calls core, renders the answer. What it throws, {@link ApiHandler} writes. */
@FunctionalInterface
public interface ApiOperation {

    void answer(Context ctx);
}
