package dev.gatehouse.core.signin;

import java.util.List;

/**
 * What the provider says about the person besides who they are, from the verified token: used only by
 * just-in-time provisioning. Any part may be null when the provider did not send it; {@code groups} is null when
 * no groups claim is configured.
 */
public record ExternalProfile(String email, String givenName, String familyName, String displayName,
                              List<String> groups) {

    public static final ExternalProfile NONE = new ExternalProfile(null, null, null, null, null);
}
