package dev.gatehouse.server.ssoadmin;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.server.http.JsonRequestBody;

/** One sso-admin operation, run once the caller is let in: the response shape as maps and lists. */
@FunctionalInterface
interface SsoAdminOperation {

    Object run(JsonRequestBody input, Actor actor, RequestContext context);
}
