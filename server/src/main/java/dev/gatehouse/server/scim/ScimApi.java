package dev.gatehouse.server.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.scim.ScimFields;
import dev.gatehouse.core.scim.ScimGroups;
import dev.gatehouse.core.scim.ScimPatch;
import dev.gatehouse.core.scim.ScimTokens;
import dev.gatehouse.core.scim.ScimUser;
import dev.gatehouse.core.scim.ScimUsers;
import dev.gatehouse.server.http.ApiHandler;
import dev.gatehouse.server.http.HttpModule;
import dev.gatehouse.server.http.Json;
import dev.gatehouse.server.http.RequestContexts;
import dev.gatehouse.server.mail.ActivationMail;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Locale;

/**
 * SCIM 2.0 inbound provisioning (RFC 7643/7644) at {@code /scim/v2}: Users, Groups and the discovery endpoints,
 * each request authenticated by a SCIM bearer token. Parses, calls core's {@link ScimUsers} and {@link ScimGroups},
 * renders; refusals are written by {@link ScimErrors}.
 */
public final class ScimApi implements HttpModule {

    public static final String PATH = "/scim/v2";
    static final String CONTENT_TYPE = "application/scim+json";

    private static final ApiHandler API = new ApiHandler("scim", ScimErrors.WRITER);

    private final ScimTokens tokens;
    private final ScimUsers users;
    private final ScimGroups groups;
    private final String base;
    private final ActivationMail activationMail;

    /** @param activationMail mails a provisioned user their activation link, when they sign in with a password */
    public ScimApi(ScimTokens tokens, ScimUsers users, ScimGroups groups, String publicUrl,
                   ActivationMail activationMail) {
        this.tokens = tokens;
        this.users = users;
        this.groups = groups;
        this.base = publicUrl + PATH;
        this.activationMail = activationMail;
    }

    @Override
    public void mount(RoutesConfig routes) {
        routes.post(PATH + "/Users", API.of(ctx -> {
            ScimUser request = ScimPatch.userFromResource(ScimJson.plain(body(ctx)));
            Actor actor = actor(ctx);
            ScimUser user = users.create(request, actor, RequestContexts.of(ctx));
            if (user.active()) {
                activationMail.sendToProvisioned(user.userName(), actor, RequestContexts.of(ctx));
            }
            created(ctx, ScimJson.user(user, base));
        }));
        routes.get(PATH + "/Users", API.of(ctx -> {
            actor(ctx);
            respond(ctx, ScimJson.list(users.list(ctx.queryParam("filter"), number(ctx, "startIndex"),
                    number(ctx, "count")), u -> ScimJson.user(u, base)));
        }));
        routes.get(PATH + "/Users/{id}", API.of(ctx -> {
            actor(ctx);
            respond(ctx, ScimJson.user(users.get(ctx.pathParam("id")), base));
        }));
        routes.put(PATH + "/Users/{id}", API.of(ctx -> respond(ctx, ScimJson.user(users.replace(ctx.pathParam("id"),
                ScimPatch.userFromResource(ScimJson.plain(body(ctx))), ifMatch(ctx), actor(ctx),
                RequestContexts.of(ctx)), base))));
        routes.patch(PATH + "/Users/{id}", API.of(ctx -> respond(ctx, ScimJson.user(users.patch(ctx.pathParam("id"),
                ScimJson.operations(body(ctx)), ifMatch(ctx), actor(ctx), RequestContexts.of(ctx)), base))));
        routes.delete(PATH + "/Users/{id}", API.of(ctx -> {
            users.delete(ctx.pathParam("id"), ifMatch(ctx), actor(ctx), RequestContexts.of(ctx));
            ctx.status(204);
        }));

        routes.post(PATH + "/Groups", API.of(ctx -> {
            JsonNode body = body(ctx);
            created(ctx, ScimJson.group(groups.create(ScimJson.text(body, "displayName", 1024),
                    ScimJson.text(body, "externalId", 256), ScimJson.memberIds(body), actor(ctx),
                    RequestContexts.of(ctx)), base, true));
        }));
        routes.get(PATH + "/Groups", API.of(ctx -> {
            actor(ctx);
            boolean members = withMembers(ctx);
            respond(ctx, ScimJson.list(groups.list(ctx.queryParam("filter"), number(ctx, "startIndex"),
                    number(ctx, "count")), g -> ScimJson.group(g, base, members)));
        }));
        routes.get(PATH + "/Groups/{id}", API.of(ctx -> {
            actor(ctx);
            respond(ctx, ScimJson.group(groups.get(ctx.pathParam("id")), base, withMembers(ctx)));
        }));
        routes.put(PATH + "/Groups/{id}", API.of(ctx -> {
            JsonNode body = body(ctx);
            respond(ctx, ScimJson.group(groups.replace(ctx.pathParam("id"), ScimJson.text(body, "displayName", 1024),
                    ScimJson.text(body, "externalId", 256), ScimJson.memberIds(body), ifMatch(ctx), actor(ctx),
                    RequestContexts.of(ctx)), base, true));
        }));
        routes.patch(PATH + "/Groups/{id}", API.of(ctx -> respond(ctx, ScimJson.group(groups.patch(
                ctx.pathParam("id"), ScimJson.operations(body(ctx)), ifMatch(ctx), actor(ctx),
                RequestContexts.of(ctx)), base, withMembers(ctx)))));
        routes.delete(PATH + "/Groups/{id}", API.of(ctx -> {
            groups.delete(ctx.pathParam("id"), ifMatch(ctx), actor(ctx), RequestContexts.of(ctx));
            ctx.status(204);
        }));

        routes.get(PATH + "/ServiceProviderConfig", API.of(ctx -> {
            actor(ctx);
            respond(ctx, ScimDiscovery.serviceProviderConfig(base));
        }));
        routes.get(PATH + "/ResourceTypes", API.of(ctx -> {
            actor(ctx);
            respond(ctx, ScimDiscovery.resourceTypes(base));
        }));
        routes.get(PATH + "/Schemas", API.of(ctx -> {
            actor(ctx);
            respond(ctx, ScimDiscovery.schemas());
        }));
    }

    /** The token's actor; every SCIM request, reads included, needs a live token. */
    private Actor actor(Context ctx) {
        String header = ctx.header("Authorization");
        String bearer = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip() : null;
        return tokens.authenticate(bearer);
    }

    /** A JSON body, declared as application/scim+json or application/json (or not declared at all). */
    private static JsonNode body(Context ctx) {
        String type = ctx.contentType();
        if (type != null) {
            String media = type.split(";")[0].strip().toLowerCase(Locale.ROOT);
            if (!media.equals(CONTENT_TYPE) && !media.equals("application/json")) {
                throw DomainException.invalid(ScimFields.SYNTAX,
                        "The body must be application/scim+json or application/json");
            }
        }
        return ScimJson.parse(ctx.bodyAsBytes());
    }

    /** The versions a change is made on (RFC 7644 §3.14); null when the client names none. */
    private static String ifMatch(Context ctx) {
        String header = ctx.header("If-Match");
        return header == null ? null : header.length() > 1024 ? header.substring(0, 1024) : header;
    }

    private static boolean withMembers(Context ctx) {
        String excluded = ctx.queryParam("excludedAttributes");
        return excluded == null || !excluded.toLowerCase(Locale.ROOT).contains("members");
    }

    private static Integer number(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw DomainException.invalid(name, name + " must be an integer");
        }
    }

    /** Writes the body; a single resource also carries its version as the ETag header. */
    private static void respond(Context ctx, ObjectNode body) {
        String version = body.path("meta").path("version").asText(null);
        if (version != null && !body.has("Resources")) {
            ctx.header("ETag", version);
        }
        ctx.contentType(CONTENT_TYPE).result(Json.write(body));
    }

    private void created(Context ctx, ObjectNode body) {
        ctx.status(201).header("Location", body.path("meta").path("location").asText());
        respond(ctx, body);
    }
}
