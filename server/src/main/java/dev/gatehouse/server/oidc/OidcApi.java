package dev.gatehouse.server.oidc;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.oidc.ClientRegistrations;
import dev.gatehouse.core.oidc.DeviceAuthorizations;
import dev.gatehouse.core.oidc.TokenEndpoint;
import dev.gatehouse.core.oidc.TokenRequest;
import dev.gatehouse.server.http.ApiHandler;
import dev.gatehouse.server.http.HttpModule;
import dev.gatehouse.server.http.Json;
import dev.gatehouse.server.http.JsonRequestBody;
import dev.gatehouse.server.http.RequestContexts;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Locale;

/**
 * sso-oidc (restJson1, unsigned) at the origin root, where current AWS CLIs expect it. Each handler parses
 * the body, calls core, and renders the answer; every decision is core's.
 */
public final class OidcApi implements HttpModule {

    private static final ApiHandler API = new ApiHandler("sso-oidc", OidcErrors.WRITER);

    private final ClientRegistrations clients;
    private final DeviceAuthorizations devices;
    private final TokenEndpoint tokens;

    public OidcApi(ClientRegistrations clients, DeviceAuthorizations devices, TokenEndpoint tokens) {
        this.clients = clients;
        this.devices = devices;
        this.tokens = tokens;
    }

    @Override
    public void mount(RoutesConfig routes) {
        routes.post("/client/register", answering(this::registerClient));
        routes.post("/device_authorization", answering(this::startDeviceAuthorization));
        routes.post("/token", answering(this::createToken));
    }

    private Object registerClient(Context ctx, JsonRequestBody body) {
        ClientRegistrations.Request request = new ClientRegistrations.Request(
                body.requiredString("clientName"),
                body.requiredString("clientType"),
                body.optionalStringList("scopes"),
                body.optionalStringList("grantTypes"),
                body.optionalStringList("redirectUris"),
                body.optionalString("issuerUrl"));
        return OidcResponses.RegisterClientResponse.of(clients.register(request, RequestContexts.of(ctx)));
    }

    private Object startDeviceAuthorization(Context ctx, JsonRequestBody body) {
        DeviceAuthorizations.Started started = devices.start(
                body.requiredString("clientId"),
                body.requiredString("clientSecret"),
                body.requiredString("startUrl"),
                RequestContexts.of(ctx));
        return OidcResponses.StartDeviceAuthorizationResponse.of(started);
    }

    private Object createToken(Context ctx, JsonRequestBody body) {
        TokenRequest request = new TokenRequest(
                body.requiredString("clientId"),
                body.requiredString("clientSecret"),
                body.requiredString("grantType"),
                body.optionalString("deviceCode"),
                body.optionalString("code"),
                body.optionalString("refreshToken"),
                body.optionalStringList("scope"),
                body.optionalString("redirectUri"),
                body.optionalString("codeVerifier"));
        return OidcResponses.CreateTokenResponse.of(tokens.createToken(request, RequestContexts.of(ctx)));
    }

    /** One operation: a JSON body in, an output shape out. */
    @FunctionalInterface
    private interface Operation {
        Object answer(Context ctx, JsonRequestBody body);
    }

    private static Handler answering(Operation operation) {
        return API.of(ctx -> Json.respond(ctx, operation.answer(ctx, body(ctx))));
    }

    /**
     * The body as restJson1 clients send it: JSON declared as {@code application/json} (botocore and the SDKs), or
     * nothing at all, without a Content-Type, when every member is unset. AWS refuses any other body.
     */
    private static JsonRequestBody body(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length > 0 && !isJson(ctx.contentType())) {
            throw DomainException.invalid("Content-Type", "The request body must be JSON sent as application/json");
        }
        return JsonRequestBody.parse(body);
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String mediaType = parameters < 0 ? contentType : contentType.substring(0, parameters);
        return mediaType.strip().toLowerCase(Locale.ROOT).equals("application/json");
    }
}
