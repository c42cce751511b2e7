package dev.gatehouse.core.abac;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.EventSource;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.credentials.PrincipalTagSource;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.directory.UserAttributeRepository;
import dev.gatehouse.core.directory.UserRepository;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.storage.Transactions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Attributes for access control (ABAC): which user attributes become principal tags in issued role credentials,
 * usable in policies as {@code aws:PrincipalTag/<key>}, and each user's values of those attributes. Tags are
 * read when credentials are minted and sealed into them: a change applies to the next credentials.
 */
public final class AccessControlAttributes implements PrincipalTagSource {

    /** AWS's rules for a tag key and value. */
    private static final Pattern TAG_KEY = Pattern.compile("^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{1,128}$");
    private static final Pattern TAG_VALUE = Pattern.compile("^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{0,256}$");
    private static final int MAX_MAPPED = 50;

    private final AccessControlAttributeRepository accessControlAttributes;
    private final UserRepository users;
    private final UserAttributeRepository userAttributes;
    private final Transactions transactions;
    private final AuditLog audit;

    public AccessControlAttributes(AccessControlAttributeRepository accessControlAttributes, UserRepository users,
                                   UserAttributeRepository userAttributes, Transactions transactions, AuditLog audit) {
        this.accessControlAttributes = accessControlAttributes;
        this.users = users;
        this.userAttributes = userAttributes;
        this.transactions = transactions;
        this.audit = audit;
    }

    /** Tag key → user attribute name, in tag-key order. */
    public Map<String, String> mapping() {
        return new TreeMap<>(accessControlAttributes.mapping());
    }

    /** Replaces the mapping; an empty one turns ABAC off. */
    public Map<String, String> setMapping(Map<String, String> tagKeyToAttribute, Actor actor,
                                          RequestContext context) {
        if (tagKeyToAttribute.size() > MAX_MAPPED) {
            throw DomainException.invalid("mapping", "at most " + MAX_MAPPED + " attributes can be mapped");
        }
        Map<String, String> mapping = new TreeMap<>();
        tagKeyToAttribute.forEach((key, attribute) -> {
            String tagKey = key == null ? "" : key.strip();
            if (!TAG_KEY.matcher(tagKey).matches() || tagKey.regionMatches(true, 0, "aws:", 0, 4)) {
                throw DomainException.invalid("mapping", "'" + tagKey + "' is not a tag key: 1 to 128 letters, "
                        + "digits, spaces or _.:/=+-@, not starting with aws:");
            }
            String known = attribute == null ? null : UserAttributeNames.canonical(attribute);
            if (known == null) {
                throw DomainException.invalid("mapping", "'" + attribute + "' is not a user attribute; use one of "
                        + String.join(", ", UserAttributeNames.ALL));
            }
            mapping.put(tagKey, known);
        });
        return transactions.inTransaction(() -> {
            accessControlAttributes.replaceMapping(mapping);
            audit.as(actor, EventSource.SSO_ADMIN, context).success("UpdateInstanceAccessControlAttributeConfiguration",
                    Map.of("attributes", mapping));
            return mapping;
        });
    }

    /** The user's attributes, by name, in {@link UserAttributeNames#ALL} order. */
    public Map<String, String> userAttributes(String userName) {
        User user = users.findByUserName(userName)
                .orElseThrow(() -> DomainException.notFound("User", userName));
        return ordered(userAttributes.find(user.userId()));
    }

    /**
     * Sets the given attributes (a blank value removes one) and keeps the others. Audited with the names that
     * changed, never their values.
     */
    public Map<String, String> updateUserAttributes(String userName, Map<String, String> changes, Actor actor,
                                                    RequestContext context) {
        Map<String, String> checked = new LinkedHashMap<>();
        changes.forEach((name, value) -> {
            String known = name == null ? null : UserAttributeNames.canonical(name);
            if (known == null) {
                throw DomainException.invalid(String.valueOf(name), "'" + name + "' is not a user attribute; use "
                        + "one of " + String.join(", ", UserAttributeNames.ALL));
            }
            String stripped = value == null ? "" : value.strip();
            if (!TAG_VALUE.matcher(stripped).matches()) {
                throw DomainException.invalid(known, known + " must be at most 256 letters, digits, spaces or "
                        + "_.:/=+-@, as a tag value must be");
            }
            checked.put(known, stripped);
        });
        return transactions.inTransaction(() -> {
            User user = users.findByUserName(userName)
                    .orElseThrow(() -> DomainException.notFound("User", userName));
            Map<String, String> before = userAttributes.find(user.userId());
            Map<String, String> after = new TreeMap<>(before);
            checked.forEach((name, value) -> {
                if (value.isEmpty()) {
                    after.remove(name);
                } else {
                    after.put(name, value);
                }
            });
            List<String> changed = new ArrayList<>();
            for (String name : UserAttributeNames.ALL) {
                if (!Objects.equals(before.get(name), after.get(name))) {
                    changed.add(name);
                }
            }
            if (!changed.isEmpty()) {
                userAttributes.replace(user.userId(), after);
                audit.as(actor, EventSource.IDENTITY_STORE, context).success("UpdateUser",
                        Map.of("userName", user.userName(), "changed", changed), Map.of("userId", user.userId()));
            }
            return ordered(after);
        });
    }

    @Override
    public Map<String, String> tagsFor(User user) {
        Map<String, String> mapping = accessControlAttributes.mapping();
        if (mapping.isEmpty()) {
            return Map.of();
        }
        Map<String, String> attributes = userAttributes.find(user.userId());
        Map<String, String> tags = new TreeMap<>();
        // As in AWS, an attribute the user does not have gives no tag (not an empty one).
        mapping.forEach((tagKey, attribute) -> {
            String value = attributes.get(attribute);
            if (value != null && !value.isEmpty()) {
                tags.put(tagKey, value);
            }
        });
        return tags;
    }

    private static Map<String, String> ordered(Map<String, String> attributes) {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String name : UserAttributeNames.ALL) {
            if (attributes.containsKey(name)) {
                ordered.put(name, attributes.get(name));
            }
        }
        return ordered;
    }
}
