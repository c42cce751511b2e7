package dev.gatehouse.core.policy;

import dev.gatehouse.core.model.User;
import java.util.Map;

/**
 * The principal tags a user's role credentials carry, usable in policies as {@code aws:PrincipalTag/<key>}.
 * The hook through which the simulator asks for them: issue 6 item 4 maps chosen user attributes to tags and
 * wires its mapping in {@code Services}; until then users have none ({@link #NONE}).
 */
@FunctionalInterface
public interface PrincipalTags {

    PrincipalTags NONE = user -> Map.of();

    Map<String, String> of(User user);
}
