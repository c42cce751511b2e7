package dev.gatehouse.server.identitystore;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.server.awsjson.AdminApiErrorNames;
import dev.gatehouse.server.awsjson.AwsJsonErrors;
import dev.gatehouse.server.http.ErrorWriter;
import dev.gatehouse.server.http.WireError;
import java.util.Locale;

/**
 * How identitystore refuses, as its model names the errors ({@link AdminApiErrorNames}, shared with sso-admin), with
 * the members its model gives them: ResourceType and ResourceId, or a conflict's Reason.
 */
final class IdentityStoreErrors implements AwsJsonErrors.Mapping {

    static final ErrorWriter WRITER = new AwsJsonErrors(new IdentityStoreErrors());

    private IdentityStoreErrors() {
    }

    @Override
    public WireError wireError(DomainError error) {
        return AdminApiErrorNames.of(error);
    }

    @Override
    public void addMembers(DomainError error, ObjectNode body) {
        switch (error) {
            case DomainError.NotFound e -> {
                String type = resourceType(e.kind());
                if (type != null) {
                    body.put("ResourceType", type);
                }
                body.put("ResourceId", e.id());
            }
            case DomainError.AlreadyExists e -> body.put("Reason", "UNIQUENESS_CONSTRAINT_VIOLATION");
            default -> {
            }
        }
    }

    /** The model's ResourceType for core's kind of thing, or null when it has none. */
    private static String resourceType(String kind) {
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case "user" -> "USER";
            case "group" -> "GROUP";
            case "group membership", "groupmembership", "membership" -> "GROUP_MEMBERSHIP";
            case "identity store" -> "IDENTITY_STORE";
            default -> null;
        };
    }
}
