package dev.gatehouse.core.session;

import java.util.Optional;

/** The registered name of an OIDC client, shown beside the sessions it holds; empty once the client is gone. */
@FunctionalInterface
public interface ClientNames {

    Optional<String> nameOf(String clientId);
}
