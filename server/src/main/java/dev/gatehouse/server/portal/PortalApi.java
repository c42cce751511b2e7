package dev.gatehouse.server.portal;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.portal.PortalService;
import dev.gatehouse.server.http.ApiHandler;
import dev.gatehouse.server.http.HttpModule;
import dev.gatehouse.server.http.Json;
import dev.gatehouse.server.http.RequestContexts;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * The sso portal API (restJson1): the bearer access token arrives in {@code x-amz-sso_bearer_token},
 * everything else in the query string. Each handler parses, calls core, and renders.
 */
public final class PortalApi implements HttpModule {

    static final String BEARER_HEADER = "x-amz-sso_bearer_token";

    private static final ApiHandler API = new ApiHandler("sso portal", PortalErrors.WRITER);

    private final PortalService portal;

    public PortalApi(PortalService portal) {
        this.portal = portal;
    }

    @Override
    public void mount(RoutesConfig routes) {
        routes.get("/assignment/accounts", API.of(this::listAccounts));
        routes.get("/assignment/roles", API.of(this::listAccountRoles));
        routes.get("/federation/credentials", API.of(this::getRoleCredentials));
        routes.post("/logout", API.of(this::logout));
    }

    private void listAccounts(Context ctx) {
        Json.respond(ctx, PortalResponses.ListAccountsResponse.of(portal.listAccounts(bearer(ctx),
                maxResults(ctx), ctx.queryParam("next_token"))));
    }

    private void listAccountRoles(Context ctx) {
        Json.respond(ctx, PortalResponses.ListAccountRolesResponse.of(portal.listAccountRoles(bearer(ctx),
                ctx.queryParam("account_id"), maxResults(ctx), ctx.queryParam("next_token"))));
    }

    private void getRoleCredentials(Context ctx) {
        ctx.contentType("application/json").result(RoleCredentialsJson.of(portal.getRoleCredentials(bearer(ctx),
                ctx.queryParam("role_name"), ctx.queryParam("account_id"), RequestContexts.of(ctx))));
    }

    /** Logout has no output shape: an empty 200 is the whole answer. */
    private void logout(Context ctx) {
        portal.logout(bearer(ctx), RequestContexts.of(ctx));
    }

    private static String bearer(Context ctx) {
        return ctx.header(BEARER_HEADER);
    }

    private static Integer maxResults(Context ctx) {
        String value = ctx.queryParam("max_result");
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw DomainException.invalid("max_result", "max_result must be an integer");
        }
    }
}
