package dev.gatehouse.core.signin;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.Group;
import dev.gatehouse.core.directory.GroupRepository;
import dev.gatehouse.core.directory.IdentityStoreService;
import dev.gatehouse.core.directory.IdentityStoreService.NewUser;
import dev.gatehouse.core.directory.IdentityStoreService.UserChanges;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.directory.UserRepository;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.identitysource.IdentitySource.UserClaim;
import dev.gatehouse.core.signin.ExternalSignInStep.ExternalIdentity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Just-in-time provisioning, which IAM Identity Center does not have: the provider's verified claims create the
 * user at their first sign-in and keep their names and email current at every later one. With a groups claim
 * configured, the claim is the truth about memberships: the person joins the groups it names (created when
 * missing, so an administrator can assign them before anyone signs in) and leaves the others, which ends their
 * older sessions as any removal does. Each change goes through {@link IdentityStoreService}, so it is validated
 * and audited with the provider as actor, in the sign-in's transaction.
 */
final class JustInTimeUsers {

    static final DomainError NO_EMAIL = new DomainError.AccessDenied("Your identity provider did not send an email "
            + "address, which Gatehouse needs to create your user. Ask your administrator to have the provider "
            + "release the email claim.");

    /** More group names than this in one claim is refused rather than half applied. */
    static final int MAX_GROUPS = 200;
    private static final int MAX_GROUP_NAME = 1024;

    private final UserRepository users;
    private final GroupRepository groups;
    private final IdentityStoreService identityStore;

    JustInTimeUsers(UserRepository users, GroupRepository groups, IdentityStoreService identityStore) {
        this.users = users;
        this.groups = groups;
        this.identityStore = identityStore;
    }

    /** Whether a user who does not exist yet can be created from these claims (an email is required). */
    static boolean canCreate(ExternalIdentity identity) {
        return email(identity) != null;
    }

    private static String email(ExternalIdentity identity) {
        ExternalProfile profile = identity.profile() == null ? ExternalProfile.NONE : identity.profile();
        String fromClaim = identity.claim() == UserClaim.EMAIL ? identity.claimValue() : null;
        return firstPresent(profile.email(), firstPresent(fromClaim, null));
    }

    /** The user as the claims describe them: created, or (enabled, as the caller checked) updated. */
    User provision(String userName, List<User> found, ExternalIdentity identity, RequestContext context) {
        Actor provider = Actor.identityProvider(identity.issuer());
        ExternalProfile profile = identity.profile() == null ? ExternalProfile.NONE : identity.profile();
        User user = found.isEmpty() ? create(userName, profile, email(identity), provider, context)
                : updateProfile(found.getFirst(), profile, provider, context);
        if (profile.groups() != null) {
            syncGroups(user, profile.groups(), provider, context);
        }
        return user;
    }

    private User create(String userName, ExternalProfile profile, String email, Actor provider,
                        RequestContext context) {
        String given = firstPresent(profile.givenName(), userName);
        String family = firstPresent(profile.familyName(), "-");
        return identityStore.createUser(new NewUser(userName, profile.displayName(), given, family, email, false),
                provider, context);
    }

    private User updateProfile(User user, ExternalProfile profile, Actor provider, RequestContext context) {
        String given = firstPresent(profile.givenName(), user.givenName());
        String family = firstPresent(profile.familyName(), user.familyName());
        String display = firstPresent(profile.displayName(), user.displayName());
        String email = firstPresent(profile.email(), user.email());
        if (Objects.equals(given, user.givenName()) && Objects.equals(family, user.familyName())
                && Objects.equals(display, user.displayName()) && Objects.equals(email, user.email())) {
            return user;
        }
        return identityStore.updateUser(user.userName(), new UserChanges(display, given, family, email,
                user.administrator()), provider, context);
    }

    private void syncGroups(User user, List<String> claimed, Actor provider, RequestContext context) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (String name : claimed) {
            String stripped = name == null ? "" : name.strip();
            if (!stripped.isEmpty() && stripped.length() <= MAX_GROUP_NAME) {
                wanted.putIfAbsent(stripped.toLowerCase(Locale.ROOT), stripped);
            }
        }
        if (wanted.size() > MAX_GROUPS) {
            throw new DomainException(new DomainError.AccessDenied("Your identity provider sent " + wanted.size()
                    + " groups; Gatehouse takes at most " + MAX_GROUPS + ". Ask your administrator."));
        }
        List<Group> current = groups.groupsOf(user.userId());
        Set<String> currentKeys = current.stream().map(g -> g.displayName().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        for (Group group : current) {
            if (!wanted.containsKey(group.displayName().toLowerCase(Locale.ROOT))) {
                identityStore.removeMember(group.displayName(), user.userName(), provider, context);
            }
        }
        for (Map.Entry<String, String> entry : wanted.entrySet()) {
            if (currentKeys.contains(entry.getKey())) {
                continue;
            }
            String name = groups.findByDisplayName(entry.getValue()).map(Group::displayName)
                    .orElseGet(() -> identityStore.createGroup(entry.getValue(),
                            "Created at sign-in from the identity provider's groups claim", provider, context)
                            .displayName());
            identityStore.addMember(name, user.userName(), provider, context);
        }
    }

    private static String firstPresent(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
