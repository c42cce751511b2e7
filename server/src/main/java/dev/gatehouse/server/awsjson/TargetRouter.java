package dev.gatehouse.server.awsjson;

import dev.gatehouse.server.http.HttpModule;
import dev.gatehouse.server.http.ApiHandler;
import dev.gatehouse.server.http.WireError;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Owns {@code POST /}, which AWS's query and JSON protocols share: a request naming an operation in
 * {@code X-Amz-Target} goes to the awsJson API of that prefix; a form without it goes to STS, whose form names its
 * {@code Action}. A JSON body without a target, or a target nobody serves, is refused in awsJson's own format, so
 * the AWS CLI and SDKs show the problem rather than STS's XML.
 */
public final class TargetRouter implements HttpModule {

    /** AWS's answer to an operation its JSON endpoint does not know; no model lists it, every SDK reads it. */
    static final WireError UNKNOWN_OPERATION = new WireError(400, "UnknownOperationException");
    private static final int MAX_TARGET_ECHOED = 128;
    /** Answers what reaches no API, named so in the request log. */
    private static final ApiHandler UNROUTED = new ApiHandler("aws-json",
            new AwsJsonErrors(error -> UNKNOWN_OPERATION));

    private final Handler form;
    private final Map<String, AwsJsonService> services;

    /** @param form the handler of form posts (STS) */
    public TargetRouter(Handler form, List<AwsJsonService> services) {
        this.form = form;
        this.services = services.stream().collect(Collectors.toMap(AwsJsonService::targetPrefix,
                Function.identity()));
    }

    @Override
    public void mount(RoutesConfig routes) {
        routes.post("/", this::route);
    }

    private void route(Context ctx) throws Exception {
        String target = ctx.header("X-Amz-Target");
        if (target == null || target.isEmpty()) {
            if (isJson(ctx)) {
                unknownOperation(ctx, "The request has a JSON body but no X-Amz-Target header naming the operation");
                return;
            }
            form.handle(ctx);
            return;
        }
        Optional<Handler> operation = operation(target);
        if (operation.isEmpty()) {
            unknownOperation(ctx, "Unknown operation: "
                    + (target.length() > MAX_TARGET_ECHOED ? target.substring(0, MAX_TARGET_ECHOED) + "…" : target));
            return;
        }
        operation.get().handle(ctx);
    }

    private Optional<Handler> operation(String target) {
        int dot = target.indexOf('.');
        AwsJsonService service = dot < 0 ? null : services.get(target.substring(0, dot));
        return service == null ? Optional.empty() : service.operation(target.substring(dot + 1));
    }

    private static void unknownOperation(Context ctx, String message) throws Exception {
        UNROUTED.of(unrouted -> AwsJson.writeError(unrouted, UNKNOWN_OPERATION,
                AwsJson.errorBody(UNKNOWN_OPERATION, message))).handle(ctx);
    }

    private static boolean isJson(Context ctx) {
        String contentType = ctx.contentType();
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("application/x-amz-json") || type.startsWith("application/json");
    }
}
