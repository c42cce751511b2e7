package dev.gatehouse.core.scim;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The identity provider's own id of each user and group it provisioned (SCIM {@code externalId}). A row goes with
 * its user or group.
 */
public interface ScimExternalIdRepository {

    enum Kind { USER, GROUP }

    /** Sets the external id of a user or group ({@code externalId} null: removes it); NotFound if it does not exist. */
    void put(Kind kind, String resourceId, String externalId);

    Optional<String> find(Kind kind, String resourceId);

    /** The users or groups with this external id: one, as identity providers keep them, or none. */
    List<String> resourcesWith(Kind kind, String externalId);

    /** Every external id of the kind, by resource id. */
    Map<String, String> all(Kind kind);

    /** The external ids of these users or groups, by resource id; those without one are left out. */
    Map<String, String> of(Kind kind, Collection<String> resourceIds);
}
