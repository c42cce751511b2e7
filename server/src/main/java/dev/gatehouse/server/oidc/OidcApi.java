package dev.gatehouse.server.oidc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.oidc.ClientRegistrations;
import dev.gatehouse.core.oidc.DeviceAuthorizations;
import dev.gatehouse.core.oidc.TokenEndpoint;
import dev.gatehouse.core.oidc.TokenRequest;
import dev.gatehouse.server.http.HttpModule;
import dev.gatehouse.server.http.JsonRequestBody;
import dev.gatehouse.server.http.RequestContexts;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * sso-oidc (restJson1, unsigned) at the origin root, where current AWS CLIs expect it. Each handler parses
 * the body, calls core, and renders the answer; every decision is core's.
 */
public final class OidcApi implements HttpModule {

    private static final Logger LOG = LoggerFactory.getLogger(OidcApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();

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
        return ctx -> {
            try {
                Object output = operation.answer(ctx, JsonRequestBody.parse(ctx.bodyAsBytes()));
                ctx.contentType("application/json").result(render(output));
            } catch (DomainException e) {
                OidcErrors.write(ctx, e.error());
            } catch (RuntimeException e) {
                // The body may hold secrets, so only the failure itself is logged.
                LOG.error("sso-oidc {} failed unexpectedly (request {})", ctx.path(),
                        RequestContexts.of(ctx).requestId(), e);
                OidcErrors.writeInternal(ctx);
            }
        };
    }

    private static String render(Object output) {
        try {
            return JSON.writeValueAsString(output);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("output shapes are plain records of strings and numbers", e);
        }
    }
}
