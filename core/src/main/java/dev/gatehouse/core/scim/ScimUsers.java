package dev.gatehouse.core.scim;

import dev.gatehouse.core.abac.AccessControlAttributes;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.Group;
import dev.gatehouse.core.directory.GroupNestings;
import dev.gatehouse.core.directory.GroupRepository;
import dev.gatehouse.core.directory.IdentityStoreService.NewUser;
import dev.gatehouse.core.directory.IdentityStoreService.UserChanges;
import dev.gatehouse.core.directory.IdentityStoreService;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.directory.UserRepository;
import dev.gatehouse.core.directory.UserStatus;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.scim.ScimExternalIdRepository.Kind;
import dev.gatehouse.core.storage.Transactions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * SCIM users (RFC 7644 §3) over the directory's users. Every change goes through {@link IdentityStoreService}, so it
 * is checked and audited as the console's is, and deactivating or deleting a user ends their sessions at once. The
 * enterprise extension's attributes are the user's attributes for access control ({@link AccessControlAttributes}),
 * so they become principal tags as IAM Identity Center makes them.
 */
public final class ScimUsers {

    private final UserRepository users;
    private final GroupRepository groups;
    private final ScimExternalIdRepository externalIds;
    private final IdentityStoreService identityStore;
    private final AccessControlAttributes attributes;
    private final Transactions transactions;

    public ScimUsers(UserRepository users, GroupRepository groups, ScimExternalIdRepository externalIds,
                     IdentityStoreService identityStore, AccessControlAttributes attributes,
                     Transactions transactions) {
        this.users = users;
        this.groups = groups;
        this.externalIds = externalIds;
        this.identityStore = identityStore;
        this.attributes = attributes;
        this.transactions = transactions;
    }

    public ScimUser create(ScimUser request, Actor actor, RequestContext context) {
        ScimPage.checkExternalId(request.externalId());
        return transactions.inTransaction(() -> {
            User user = identityStore.createUser(new NewUser(request.userName(), request.displayName(),
                    request.givenName(), request.familyName(), request.email(), false), actor, context);
            if (!request.active()) {
                user = identityStore.setStatus(user.userName(), UserStatus.DISABLED, actor, context);
            }
            if (request.externalId() != null) {
                externalIds.put(Kind.USER, user.userId(), request.externalId());
            }
            storeEnterprise(user, Map.of(), request.enterprise(), actor, context);
            return get(user.userId());
        });
    }

    public ScimUser get(String id) {
        User user = identityStore.userById(id);
        return complete(ScimUser.of(user, externalIds.find(Kind.USER, id).orElse(null)));
    }

    /** The user with what is kept beside the directory's row: enterprise attributes, and the groups it is in. */
    private ScimUser complete(ScimUser user) {
        List<ScimUser.GroupRef> in = new ArrayList<>();
        Set<String> direct = new HashSet<>();
        for (Group group : groups.groupsOf(user.id())) {
            in.add(new ScimUser.GroupRef(group.groupId(), group.displayName(), true));
            direct.add(group.groupId());
        }
        List<ScimUser.GroupRef> indirect = new ArrayList<>();
        for (String id : new GroupNestings(groups).effectiveGroupIdsOf(user.id())) {
            if (!direct.contains(id)) {
                groups.findById(id).ifPresent(g -> indirect.add(new ScimUser.GroupRef(id, g.displayName(), false)));
            }
        }
        // Ordered by name, so the same groups always give the same version.
        indirect.sort(Comparator.comparing(g -> g.display().toLowerCase(Locale.ROOT)));
        in.addAll(indirect);
        return user.withEnterprise(attributes.userAttributes(user.userName())).withGroups(in);
    }

    /** PUT: the user becomes what was sent (id, password and administrator flag stay). */
    public ScimUser replace(String id, ScimUser request, Actor actor, RequestContext context) {
        return replace(id, request, null, actor, context);
    }

    /** PUT, if the user is still at a version {@code ifMatch} names (null: whatever version). */
    public ScimUser replace(String id, ScimUser request, String ifMatch, Actor actor, RequestContext context) {
        return transactions.inTransaction(() -> {
            ScimVersion.require(ifMatch, get(id).version());
            return store(identityStore.userById(id), request, actor, context);
        });
    }

    public ScimUser patch(String id, List<ScimPatch.Operation> operations, Actor actor, RequestContext context) {
        return patch(id, operations, null, actor, context);
    }

    /** PATCH, if the user is still at a version {@code ifMatch} names (null: whatever version). */
    public ScimUser patch(String id, List<ScimPatch.Operation> operations, String ifMatch, Actor actor,
                          RequestContext context) {
        return transactions.inTransaction(() -> {
            User before = identityStore.userById(id);
            ScimUser current = get(id);
            ScimVersion.require(ifMatch, current.version());
            return store(before, ScimPatch.applyToUser(current, operations), actor, context);
        });
    }

    /** Deletes the user, if still at a version {@code ifMatch} names (null: whatever version); sessions end at once. */
    public void delete(String id, String ifMatch, Actor actor, RequestContext context) {
        transactions.run(() -> {
            ScimVersion.require(ifMatch, get(id).version());
            identityStore.deleteUser(identityStore.userById(id).userName(), actor, context);
        });
    }

    public ScimPage<ScimUser> list(String filter, Integer startIndex, Integer count) {
        ScimFilter parsed = filter == null || filter.isBlank() ? null
                : ScimFilter.parse(filter, ScimUser.FILTERABLE, ScimUser.CASE_EXACT);
        List<ScimUser> matches = new ArrayList<>();
        if (parsed instanceof ScimFilter.Compare(String attribute, String op, Object value, boolean exact)
                && attribute.equals("username") && op.equals("eq") && value instanceof String name) {
            // What provisioning clients ask before each create: answered from the index, not a scan.
            users.findByUserName(name).ifPresent(u -> matches.add(ScimUser.of(u,
                    externalIds.find(Kind.USER, u.userId()).orElse(null))));
        } else {
            Map<String, String> external = externalIds.all(Kind.USER);
            for (User user : ScimPage.everyRow(users::list, User::userName)) {
                ScimUser scim = ScimUser.of(user, external.get(user.userId()));
                if (parsed == null || parsed.matches(scim::values)) {
                    matches.add(scim);
                }
            }
        }
        // Nothing filters on enterprise attributes or groups: read them for the page only, not for every match.
        ScimPage<ScimUser> page = ScimPage.of(matches, startIndex, count);
        return new ScimPage<>(page.resources().stream().map(this::complete).toList(), page.totalResults(),
                page.startIndex());
    }

    private ScimUser store(User before, ScimUser after, Actor actor, RequestContext context) {
        ScimPage.checkExternalId(after.externalId());
        User user = before;
        if (after.userName() != null && !after.userName().equals(user.userName())) {
            user = identityStore.renameUser(user.userName(), after.userName(), actor, context);
        } else if (after.userName() == null) {
            throw DomainException.invalid("userName", "userName is required");
        }
        boolean profileChanged = !Objects.equals(after.displayName(), user.displayName())
                || !Objects.equals(after.givenName(), user.givenName())
                || !Objects.equals(after.familyName(), user.familyName())
                || !Objects.equals(after.email(), user.email());
        if (profileChanged) {
            user = identityStore.updateUser(user.userName(), new UserChanges(after.displayName(), after.givenName(),
                    after.familyName(), after.email(), user.administrator()), actor, context);
        }
        if (after.active() != user.enabled()) {
            user = identityStore.setStatus(user.userName(), after.active() ? UserStatus.ENABLED : UserStatus.DISABLED,
                    actor, context);
        }
        String externalId = externalIds.find(Kind.USER, user.userId()).orElse(null);
        if (!Objects.equals(externalId, after.externalId())) {
            externalIds.put(Kind.USER, user.userId(), after.externalId());
        }
        storeEnterprise(user, attributes.userAttributes(user.userName()), after.enterprise(), actor, context);
        return get(user.userId());
    }

    /** Sets the enterprise attributes that differ from the user's, and removes those no longer sent. */
    private void storeEnterprise(User user, Map<String, String> before, Map<String, String> after, Actor actor,
                                 RequestContext context) {
        Map<String, String> changes = new LinkedHashMap<>();
        for (String name : ScimUser.ENTERPRISE) {
            if (!Objects.equals(before.get(name), after.get(name))) {
                changes.put(name, after.getOrDefault(name, ""));
            }
        }
        if (!changes.isEmpty()) {
            attributes.updateUserAttributes(user.userName(), changes, actor, context);
        }
    }
}
