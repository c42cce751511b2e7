package dev.gatehouse.core.scim;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.scim.ScimExternalIdRepository.Kind;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The ids an identity provider gave the users and groups it provisioned over SCIM ({@code externalId}), as other
 * APIs show and look them up (identitystore's {@code ExternalIds} and {@code AlternateIdentifier.ExternalId}).
 * Only SCIM sets them; reading them here changes nothing.
 */
public final class ScimExternalIds {

    private final ScimExternalIdRepository externalIds;

    public ScimExternalIds(ScimExternalIdRepository externalIds) {
        this.externalIds = externalIds;
    }

    public Optional<String> ofUser(String userId) {
        return externalIds.find(Kind.USER, userId);
    }

    public Optional<String> ofGroup(String groupId) {
        return externalIds.find(Kind.GROUP, groupId);
    }

    /** The external ids of a page of users, by user id, read at once. */
    public Map<String, String> ofUsers(Collection<String> userIds) {
        return externalIds.of(Kind.USER, userIds);
    }

    public Map<String, String> ofGroups(Collection<String> groupIds) {
        return externalIds.of(Kind.GROUP, groupIds);
    }

    /** @throws DomainException NotFound when no user has it, InvalidInput when several do */
    public String userWith(String externalId) {
        return one(Kind.USER, "User", externalId);
    }

    /** @throws DomainException NotFound when no group has it, InvalidInput when several do */
    public String groupWith(String externalId) {
        return one(Kind.GROUP, "Group", externalId);
    }

    private String one(Kind kind, String noun, String externalId) {
        List<String> found = externalIds.resourcesWith(kind, externalId);
        if (found.size() > 1) {
            throw DomainException.invalid("ExternalId", "More than one " + noun.toLowerCase(Locale.ROOT)
                    + " has this external id; look it up by a unique attribute");
        }
        return found.stream().findFirst().orElseThrow(() -> DomainException.notFound(noun, externalId));
    }
}
