package dev.gatehouse.server.identitystore;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.scim.ScimExternalIds;
import dev.gatehouse.server.identitystore.IdentityStoreInputs.ExternalId;
import java.util.List;
import java.util.Map;

/**
 * The model's {@code ExternalIds} of users and groups: the id the identity provider provisioned them with over SCIM,
 * under one issuer, Gatehouse's SCIM endpoint (AWS likewise names the provisioning source, not the provider).
 */
final class ExternalIdShapes {

    private final ScimExternalIds externalIds;
    private final String issuer;

    /** @param issuer the Issuer shown and looked up, the SCIM endpoint's URL */
    ExternalIdShapes(ScimExternalIds externalIds, String issuer) {
        this.externalIds = externalIds;
        this.issuer = issuer;
    }

    String ofUser(String userId) {
        return externalIds.ofUser(userId).orElse(null);
    }

    String ofGroup(String groupId) {
        return externalIds.ofGroup(groupId).orElse(null);
    }

    Map<String, String> ofUsers(List<String> userIds) {
        return externalIds.ofUsers(userIds);
    }

    Map<String, String> ofGroups(List<String> groupIds) {
        return externalIds.ofGroups(groupIds);
    }

    /** {@code ExternalIds} only when there is one: the model's list has at least one member. */
    Map<String, Object> add(Map<String, Object> shape, String externalId) {
        if (externalId != null) {
            shape.put("ExternalIds", List.of(Map.of("Issuer", issuer, "Id", externalId)));
        }
        return shape;
    }

    /** An id under another issuer names nobody here. */
    String userWith(ExternalId externalId) {
        requireIssuer(externalId, "User");
        return externalIds.userWith(externalId.id());
    }

    String groupWith(ExternalId externalId) {
        requireIssuer(externalId, "Group");
        return externalIds.groupWith(externalId.id());
    }

    private void requireIssuer(ExternalId externalId, String kind) {
        if (!issuer.equals(externalId.issuer())) {
            throw DomainException.notFound(kind, externalId.id());
        }
    }
}
