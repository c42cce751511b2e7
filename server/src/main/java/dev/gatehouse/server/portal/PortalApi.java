package dev.gatehouse.server.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.portal.PortalService;
import dev.gatehouse.server.http.HttpModule;
import dev.gatehouse.server.http.RequestContexts;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sso portal API (restJson1): the bearer access token arrives in {@code x-amz-sso_bearer_token},
 * everything else in the query string. Each handler parses, calls core, and renders.
 */
public final class PortalApi implements HttpModule {

    static final String BEARER_HEADER = "x-amz-sso_bearer_token";

    private static final Logger LOG = LoggerFactory.getLogger(PortalApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PortalService portal;

    public PortalApi(PortalService portal) {
        this.portal = portal;
    }

    @Override
    public void mount(RoutesConfig routes) {
        routes.get("/assignment/accounts", answering(this::listAccounts));
        routes.get("/assignment/roles", answering(this::listAccountRoles));
        routes.get("/federation/credentials", answering(this::getRoleCredentials));
        routes.post("/logout", answering(this::logout));
    }

    private Object listAccounts(Context ctx) {
        return PortalResponses.ListAccountsResponse.of(portal.listAccounts(bearer(ctx),
                maxResults(ctx), ctx.queryParam("next_token")));
    }

    private Object listAccountRoles(Context ctx) {
        return PortalResponses.ListAccountRolesResponse.of(portal.listAccountRoles(bearer(ctx),
                ctx.queryParam("account_id"), maxResults(ctx), ctx.queryParam("next_token")));
    }

    private Object getRoleCredentials(Context ctx) {
        return PortalResponses.GetRoleCredentialsResponse.of(portal.getRoleCredentials(bearer(ctx),
                ctx.queryParam("role_name"), ctx.queryParam("account_id"), RequestContexts.of(ctx)));
    }

    /** Logout has no output shape: an empty 200 is the whole answer. */
    private Object logout(Context ctx) {
        portal.logout(bearer(ctx), RequestContexts.of(ctx));
        return null;
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

    @FunctionalInterface
    private interface Operation {
        /** Returns the output shape, or null for an operation without one. */
        Object answer(Context ctx);
    }

    private static Handler answering(Operation operation) {
        return ctx -> {
            try {
                Object output = operation.answer(ctx);
                if (output != null) {
                    ctx.contentType("application/json").result(render(output));
                }
            } catch (DomainException e) {
                PortalErrors.write(ctx, e.error());
            } catch (RuntimeException e) {
                // The request carries a bearer token, so only the failure itself is logged.
                LOG.error("sso portal {} failed unexpectedly (request {})", ctx.path(),
                        RequestContexts.of(ctx).requestId(), e);
                PortalErrors.writeInternal(ctx);
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
