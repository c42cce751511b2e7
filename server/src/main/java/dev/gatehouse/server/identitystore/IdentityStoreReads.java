package dev.gatehouse.server.identitystore;

import dev.gatehouse.core.directory.ContactDetails;
import dev.gatehouse.core.directory.Group;
import dev.gatehouse.core.directory.IdentityStoreService;
import dev.gatehouse.core.directory.Membership;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.directory.UserContacts;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.storage.Page;
import dev.gatehouse.server.awsjson.PageTokens;
import dev.gatehouse.server.http.JsonRequestBody;
import dev.gatehouse.server.identitystore.IdentityStoreInputs.Alternate;
import dev.gatehouse.server.identitystore.IdentityStoreInputs.Filter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The identitystore operations that only read: users, groups, memberships, and lookups by unique attribute or
 * external id.
 */
final class IdentityStoreReads {

    private final IdentityStoreService directory;
    private final ExternalIdShapes externalIds;
    private final UserContacts contacts;
    private final String identityStoreId;

    IdentityStoreReads(IdentityStoreService directory, ExternalIdShapes externalIds, UserContacts contacts,
                       String identityStoreId) {
        this.directory = directory;
        this.externalIds = externalIds;
        this.contacts = contacts;
        this.identityStoreId = identityStoreId;
    }

    Map<String, Object> describeUser(JsonRequestBody input) {
        User user = directory.userById(ModelString.RESOURCE_ID.required(input, "UserId"));
        return externalIds.add(user(user), externalIds.ofUser(user.userId()));
    }

    Map<String, Object> listUsers(JsonRequestBody input) {
        int limit = IdentityStoreInputs.maxResults(input);
        String after = PageTokens.position("users", IdentityStoreInputs.nextToken(input));
        Filter filter = IdentityStoreInputs.filter(input);
        Page<User> page;
        if (filter != null) {
            requirePath(filter, "UserName", "Filters.AttributePath");
            page = new Page<>(findUser(filter.attributeValue()).stream().toList(), null);
        } else {
            page = Page.fromOneMore(directory.listUsers(after, limit + 1), limit, User::userName);
        }
        // Read for the page at once: a query per user, or every external id, is what made a page slow at scale.
        List<String> ids = page.items().stream().map(User::userId).toList();
        Map<String, String> external = externalIds.ofUsers(ids);
        Map<String, ContactDetails> contactsOf = contacts.of(ids);
        return listed("Users", page.items().stream().map(u -> externalIds.add(ContactShapes.addTo(
                        IdentityStoreShapes.user(identityStoreId, u),
                        contactsOf.getOrDefault(u.userId(), ContactDetails.NONE)), external.get(u.userId())))
                        .toList(),
                page.nextToken() == null ? null : PageTokens.next("users", page.nextToken()));
    }

    /**
     * By external id, or by {@code userName} or {@code emails.value}, the two unique attributes AWS documents for
     * users.
     */
    Map<String, Object> getUserId(JsonRequestBody input) {
        Alternate alternate = IdentityStoreInputs.alternateIdentifier(input);
        if (alternate.externalId() != null) {
            return Map.of("IdentityStoreId", identityStoreId, "UserId", externalIds.userWith(alternate.externalId()));
        }
        Filter unique = alternate.uniqueAttribute();
        User user;
        if (unique.attributePath().equalsIgnoreCase("emails.value")) {
            user = byEmail(unique.attributeValue());
        } else {
            requirePath(unique, "userName", "AlternateIdentifier.UniqueAttribute.AttributePath");
            user = findUser(unique.attributeValue())
                    .orElseThrow(() -> DomainException.notFound("User", unique.attributeValue()));
        }
        return Map.of("IdentityStoreId", identityStoreId, "UserId", user.userId());
    }

    /** The User shape with the contact details kept beside the directory's row. */
    private Map<String, Object> user(User user) {
        return ContactShapes.addTo(IdentityStoreShapes.user(identityStoreId, user), contacts.of(user.userId()));
    }

    /** Gatehouse does not hold emails unique as AWS does, so an address two users share names nobody. */
    private User byEmail(String email) {
        List<User> found = directory.usersWithEmail(email);
        if (found.size() > 1) {
            throw ModelString.invalid("AlternateIdentifier.UniqueAttribute.AttributeValue",
                    "More than one user has this email; look the user up by userName");
        }
        return found.stream().findFirst().orElseThrow(() -> DomainException.notFound("User", email));
    }

    Map<String, Object> describeGroup(JsonRequestBody input) {
        Group group = directory.groupById(ModelString.RESOURCE_ID.required(input, "GroupId"));
        return externalIds.add(IdentityStoreShapes.group(identityStoreId, group),
                externalIds.ofGroup(group.groupId()));
    }

    Map<String, Object> listGroups(JsonRequestBody input) {
        int limit = IdentityStoreInputs.maxResults(input);
        String after = PageTokens.position("groups", IdentityStoreInputs.nextToken(input));
        Filter filter = IdentityStoreInputs.filter(input);
        Page<Group> page;
        if (filter != null) {
            requirePath(filter, "DisplayName", "Filters.AttributePath");
            page = new Page<>(findGroup(filter.attributeValue()).stream().toList(), null);
        } else {
            page = directory.groupPage(after, limit);
        }
        Map<String, String> external = externalIds.ofGroups(page.items().stream().map(Group::groupId).toList());
        return listed("Groups", page.items().stream().map(g -> externalIds.add(
                        IdentityStoreShapes.group(identityStoreId, g), external.get(g.groupId()))).toList(),
                page.nextToken() == null ? null : PageTokens.next("groups", page.nextToken()));
    }

    /** By external id, or by {@code displayName}. */
    Map<String, Object> getGroupId(JsonRequestBody input) {
        Alternate alternate = IdentityStoreInputs.alternateIdentifier(input);
        if (alternate.externalId() != null) {
            return Map.of("IdentityStoreId", identityStoreId, "GroupId",
                    externalIds.groupWith(alternate.externalId()));
        }
        Filter unique = alternate.uniqueAttribute();
        requirePath(unique, "displayName", "AlternateIdentifier.UniqueAttribute.AttributePath");
        Group group = findGroup(unique.attributeValue())
                .orElseThrow(() -> DomainException.notFound("Group", unique.attributeValue()));
        return Map.of("IdentityStoreId", identityStoreId, "GroupId", group.groupId());
    }

    Map<String, Object> listGroupMemberships(JsonRequestBody input) {
        String groupId = ModelString.RESOURCE_ID.required(input, "GroupId");
        return membershipPage(input, "memberships-of-group:" + groupId, directory.membershipsOfGroup(groupId));
    }

    Map<String, Object> listGroupMembershipsForMember(JsonRequestBody input) {
        String userId = IdentityStoreInputs.memberUserId(input);
        return membershipPage(input, "memberships-of-user:" + userId, directory.membershipsOfUser(userId));
    }

    Map<String, Object> getGroupMembershipId(JsonRequestBody input) {
        String groupId = ModelString.RESOURCE_ID.required(input, "GroupId");
        String userId = IdentityStoreInputs.memberUserId(input);
        Membership membership = directory.membershipsOfGroup(groupId).stream()
                .filter(m -> m.userId().equals(userId))
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("Group membership", userId));
        return Map.of("MembershipId", membership.membershipId(), "IdentityStoreId", identityStoreId);
    }

    Map<String, Object> describeGroupMembership(JsonRequestBody input) {
        return IdentityStoreShapes.membership(identityStoreId,
                directory.membership(ModelString.RESOURCE_ID.required(input, "MembershipId")));
    }

    Map<String, Object> isMemberInGroups(JsonRequestBody input) {
        String userId = IdentityStoreInputs.memberUserId(input);
        List<String> groupIds = input.optionalStringList("GroupIds");
        if (groupIds == null || groupIds.isEmpty() || groupIds.size() > 100) {
            throw ModelString.invalid("GroupIds", "Member must have length between 1 and 100");
        }
        groupIds.forEach(id -> ModelString.RESOURCE_ID.check("GroupIds", id));
        Set<String> memberOf = new HashSet<>();
        directory.membershipsOfUser(userId).forEach(m -> memberOf.add(m.groupId()));
        List<Map<String, Object>> results = new ArrayList<>();
        for (String groupId : groupIds) {
            results.add(Map.of("GroupId", groupId, "MemberId", IdentityStoreShapes.memberId(userId),
                    "MembershipExists", memberOf.contains(groupId)));
        }
        return Map.of("Results", results);
    }

    /** Memberships are few per group or user: read whole, paged by position. */
    private Map<String, Object> membershipPage(JsonRequestBody input, String list, List<Membership> all) {
        int limit = IdentityStoreInputs.maxResults(input);
        String position = PageTokens.position(list, IdentityStoreInputs.nextToken(input));
        int from = position == null ? 0 : parsePosition(position);
        int to = Math.min(all.size(), from + limit);
        List<Map<String, Object>> shown = all.subList(Math.min(from, all.size()), to).stream()
                .map(m -> IdentityStoreShapes.membership(identityStoreId, m))
                .toList();
        return listed("GroupMemberships", shown, to < all.size() ? PageTokens.next(list, String.valueOf(to)) : null);
    }

    private static int parsePosition(String position) {
        try {
            return Math.max(0, Integer.parseInt(position));
        } catch (NumberFormatException e) {
            throw DomainException.invalid("NextToken", "The NextToken is not one this list returned.");
        }
    }

    private Optional<User> findUser(String userName) {
        try {
            return Optional.of(directory.user(userName));
        } catch (DomainException notFound) {
            return Optional.empty();
        }
    }

    private Optional<Group> findGroup(String displayName) {
        try {
            return Optional.of(directory.group(displayName));
        } catch (DomainException notFound) {
            return Optional.empty();
        }
    }

    /** Only the paths Gatehouse looks up; compared ignoring case, as clients spell them both ways. */
    private static void requirePath(Filter filter, String supported, String member) {
        if (!filter.attributePath().equalsIgnoreCase(supported)) {
            throw ModelString.invalid(member, "Gatehouse supports the attribute path " + supported + " here");
        }
    }

    private static Map<String, Object> listed(String member, List<?> items, String nextToken) {
        Map<String, Object> output = new LinkedHashMap<>();
        output.put(member, items);
        if (nextToken != null) {
            output.put("NextToken", nextToken);
        }
        return output;
    }
}
