package dev.gatehouse.server.identitystore;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.server.http.JsonRequestBody;

/** One identitystore operation, called once its caller is authenticated and authorized: input in, output out. */
@FunctionalInterface
interface IdentityStoreOperation {

    Object run(JsonRequestBody input, Actor actor, RequestContext context);
}
