package dev.gatehouse.server.sts;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.sts.CallerIdentityService;
import dev.gatehouse.server.http.ApiHandler;
import dev.gatehouse.server.http.HttpDates;
import dev.gatehouse.server.http.HttpModule;
import dev.gatehouse.server.http.RequestContexts;
import dev.gatehouse.sigv4.ReceivedRequest;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;

/**
 * STS (awsQuery, SigV4): {@code POST /} with a form body, or {@code GET /} with the same parameters in the
 * query. The request is captured exactly as it arrived and handed to core, which checks the signature.
 */
public final class StsApi implements HttpModule {

    static final String VERSION = "2011-06-15";

    private static final ApiHandler API = new ApiHandler("sts", StsErrors.WRITER);
    private static final String FORM = "application/x-www-form-urlencoded";

    private final CallerIdentityService callerIdentity;
    private final Clock clock;

    /** @param clock the server's clock, reported in {@code Date} so SDKs can correct their clock skew to it */
    public StsApi(CallerIdentityService callerIdentity, Clock clock) {
        this.callerIdentity = callerIdentity;
        this.clock = clock;
    }

    /** {@code GET /}; {@code POST /} is shared with the awsJson APIs, which route form posts to {@link #formPost}. */
    @Override
    public void mount(RoutesConfig routes) {
        routes.get("/", API.of(this::getCallerIdentity));
    }

    /** The handler of {@code POST /} with a form body. */
    public Handler formPost() {
        return API.of(this::getCallerIdentity);
    }

    private void getCallerIdentity(Context ctx) {
        HttpDates.stamp(ctx, clock);
        byte[] body = ctx.bodyAsBytes();
        ReceivedRequest received = ReceivedRequests.of(ctx, body);
        FormParameters parameters = FormParameters.parse(received.rawQuery(),
                isForm(ctx) ? new String(body, StandardCharsets.UTF_8) : null);
        requireGetCallerIdentity(parameters);
        String xml = StsXml.getCallerIdentityResponse(callerIdentity.identify(received),
                RequestContexts.of(ctx).requestId());
        ctx.contentType(StsXml.CONTENT_TYPE).result(xml);
    }

    /** GetCallerIdentity is the one action served so far; anything else is an unknown operation. */
    private static void requireGetCallerIdentity(FormParameters parameters) {
        String action = parameters.get("Action");
        if (action == null || action.isEmpty()) {
            throw DomainException.invalid("Action", "Action is required");
        }
        String version = parameters.get("Version");
        if (!"GetCallerIdentity".equals(action) || (version != null && !VERSION.equals(version))) {
            throw DomainException.invalid("Action",
                    "Could not find operation " + action + " for version " + (version == null ? VERSION : version));
        }
    }

    private static boolean isForm(Context ctx) {
        String contentType = ctx.contentType();
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(FORM);
    }
}
