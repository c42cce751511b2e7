package dev.gatehouse.server.identitystore;

import dev.gatehouse.core.directory.Group;
import dev.gatehouse.core.directory.Membership;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.server.awsjson.AwsJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The output shapes of the model (User, Group, GroupMembership) from what Gatehouse keeps of each. */
final class IdentityStoreShapes {

    private IdentityStoreShapes() {
    }

    /** Also DescribeUserResponse, which has the same members. */
    static Map<String, Object> user(String identityStoreId, User user) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("IdentityStoreId", identityStoreId);
        shape.put("UserId", user.userId());
        shape.put("UserName", user.userName());
        Map<String, Object> name = new LinkedHashMap<>();
        putIfSet(name, "GivenName", user.givenName());
        putIfSet(name, "FamilyName", user.familyName());
        if (!name.isEmpty()) {
            shape.put("Name", name);
        }
        putIfSet(shape, "DisplayName", user.displayName());
        if (user.email() != null) {
            shape.put("Emails", List.of(Map.of("Value", user.email(), "Type", "work", "Primary", true)));
        }
        shape.put("UserStatus", user.status().name());
        shape.put("CreatedAt", AwsJson.epochSeconds(user.createdAt()));
        shape.put("UpdatedAt", AwsJson.epochSeconds(user.updatedAt()));
        return shape;
    }

    /** Also DescribeGroupResponse. */
    static Map<String, Object> group(String identityStoreId, Group group) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("GroupId", group.groupId());
        shape.put("DisplayName", group.displayName());
        putIfSet(shape, "Description", group.description());
        shape.put("CreatedAt", AwsJson.epochSeconds(group.createdAt()));
        shape.put("IdentityStoreId", identityStoreId);
        return shape;
    }

    /** Also DescribeGroupMembershipResponse. */
    static Map<String, Object> membership(String identityStoreId, Membership membership) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("IdentityStoreId", identityStoreId);
        shape.put("MembershipId", membership.membershipId());
        shape.put("GroupId", membership.groupId());
        shape.put("MemberId", memberId(membership.userId()));
        return shape;
    }

    static Map<String, Object> memberId(String userId) {
        return Map.of("UserId", userId);
    }

    private static void putIfSet(Map<String, Object> shape, String member, String value) {
        if (value != null && !value.isEmpty()) {
            shape.put(member, value);
        }
    }
}
