package dev.gatehouse.core.credentials;

import dev.gatehouse.core.directory.User;
import java.util.Map;

/** The principal tags a user's new credentials carry (attributes for access control). */
@FunctionalInterface
public interface PrincipalTagSource {

    PrincipalTagSource NONE = user -> Map.of();

    Map<String, String> tagsFor(User user);
}
