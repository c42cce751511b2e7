package dev.gatehouse.server.authz;

import dev.gatehouse.core.authz.AuthorizationQuery;
import dev.gatehouse.core.authz.AuthorizationService;
import dev.gatehouse.core.authz.ServiceCredential;
import dev.gatehouse.server.http.ApiHandler;
import dev.gatehouse.server.http.HttpDates;
import dev.gatehouse.server.http.HttpModule;
import dev.gatehouse.server.http.Json;
import dev.gatehouse.server.sts.ReceivedRequests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;

/**
 * {@code POST /authz/v1/authorize}: the authorization API for services (docs/authorization.md). The call is
 * SigV4-signed with a service credential (signing name {@value AuthorizationService#SIGNING_NAME}) and carries the
 * request the service received; the answer is ALLOW or DENY with the principal and the deciding statement.
 */
public final class AuthorizationApi implements HttpModule {

    public static final String PATH = "/authz/v1/authorize";

    private static final ApiHandler API = new ApiHandler("authorization API", AuthzErrors.WRITER);

    private final AuthorizationService authorization;
    private final Clock clock;

    public AuthorizationApi(AuthorizationService authorization, Clock clock) {
        this.authorization = authorization;
        this.clock = clock;
    }

    @Override
    public void mount(RoutesConfig routes) {
        routes.post(PATH, API.of(this::authorize));
    }

    private void authorize(Context ctx) {
        // As STS does: a service whose clock drifts can correct its signing time from this.
        HttpDates.stamp(ctx, clock);
        byte[] body = ctx.bodyAsBytes();
        ServiceCredential caller = authorization.authenticateService(ReceivedRequests.of(ctx, body));
        AuthorizationQuery query = AuthorizeRequestBody.parse(body);
        Json.respond(ctx, AuthorizeResponses.of(authorization.decide(caller, query)));
    }
}
