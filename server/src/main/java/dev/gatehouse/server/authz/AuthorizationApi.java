package dev.gatehouse.server.authz;

import dev.gatehouse.core.authz.AuthorizationQuery;
import dev.gatehouse.core.authz.AuthorizationService;
import dev.gatehouse.core.authz.ServiceCredential;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.server.http.HttpModule;
import dev.gatehouse.server.http.RequestContexts;
import dev.gatehouse.server.sts.ReceivedRequests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /authz/v1/authorize}: the authorization API for services (docs/authorization.md). The call is
 * SigV4-signed with a service credential (signing name {@value AuthorizationService#SIGNING_NAME}) and carries the
 * request the service received; the answer is ALLOW or DENY with the principal and the deciding statement.
 */
public final class AuthorizationApi implements HttpModule {

    public static final String PATH = "/authz/v1/authorize";

    private static final Logger LOG = LoggerFactory.getLogger(AuthorizationApi.class);
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private final AuthorizationService authorization;
    private final Clock clock;

    public AuthorizationApi(AuthorizationService authorization, Clock clock) {
        this.authorization = authorization;
        this.clock = clock;
    }

    @Override
    public void mount(RoutesConfig routes) {
        routes.post(PATH, this::authorize);
    }

    private void authorize(Context ctx) {
        String requestId = RequestContexts.of(ctx).requestId();
        // As STS does: a service whose clock drifts can correct its signing time from this.
        ctx.header("Date", HTTP_DATE.format(clock.instant()));
        try {
            byte[] body = ctx.bodyAsBytes();
            ServiceCredential caller = authorization.authenticateService(ReceivedRequests.of(ctx, body));
            AuthorizationQuery query = AuthorizeRequestBody.parse(body);
            String answer = AuthorizeResponses.of(authorization.decide(caller, query));
            ctx.contentType("application/json").result(answer);
        } catch (DomainException e) {
            AuthzErrors.write(ctx, e.error());
        } catch (RuntimeException e) {
            // The body carries signatures and session tokens, so only the failure itself is logged.
            LOG.error("authorization request failed unexpectedly (request {})", requestId, e);
            AuthzErrors.writeInternal(ctx);
        }
    }
}
