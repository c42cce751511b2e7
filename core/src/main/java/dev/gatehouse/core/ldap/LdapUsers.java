package dev.gatehouse.core.ldap;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.IdentityStoreService;
import dev.gatehouse.core.directory.IdentityStoreService.NewUser;
import dev.gatehouse.core.directory.IdentityStoreService.UserChanges;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.directory.UserRepository;
import dev.gatehouse.core.directory.UserStatus;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.identitysource.IdentitySourceRepository;
import dev.gatehouse.core.identitysource.LdapDirectory.DirectoryUser;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes a directory user a Gatehouse user, or brings one up to date: found by the entry's stable id (so a rename in
 * the directory renames here), else by user name (an existing Gatehouse user is taken over), else created. Names,
 * email and status follow the directory; changes go through {@link IdentityStoreService}, audited as the directory.
 */
public final class LdapUsers {

    public static final String USER = "USER";
    public static final Actor DIRECTORY = Actor.identityProvider("ldap");

    static final DomainError NO_EMAIL = new DomainError.AccessDenied("Your directory account has no email address, "
            + "which Gatehouse needs. Ask your administrator to set the mail attribute.");

    private final UserRepository users;
    private final IdentityStoreService identityStore;
    private final IdentitySourceRepository links;

    public LdapUsers(UserRepository users, IdentityStoreService identityStore, IdentitySourceRepository links) {
        this.users = users;
        this.identityStore = identityStore;
        this.links = links;
    }

    /** The Gatehouse user the directory user is now (call inside a transaction). */
    public User sync(DirectoryUser entry, RequestContext context) {
        return sync(entry, links.directoryLinks(USER), context);
    }

    /** The same, with the links read once for a whole sync rather than once per user. */
    User sync(DirectoryUser entry, Map<String, String> userLinks, RequestContext context) {
        if (entry.id() == null || entry.userName() == null) {
            throw new DomainException(new DomainError.AccessDenied("Your directory account lacks the id or user "
                    + "name attribute Gatehouse reads. Ask your administrator."));
        }
        Optional<User> linked = Optional.ofNullable(userLinks.get(entry.id()))
                .flatMap(users::findById);
        Optional<User> found = linked.or(() -> users.findByUserName(entry.userName()));
        User user = found.isPresent() ? update(found.get(), entry, context) : create(entry, context);
        if (linked.isEmpty()) {
            links.linkDirectoryEntry(USER, entry.id(), user.userId());
        }
        UserStatus status = entry.disabled() ? UserStatus.DISABLED : UserStatus.ENABLED;
        if (user.status() != status) {
            user = identityStore.setStatus(user.userName(), status, DIRECTORY, context);
        }
        return user;
    }

    private User create(DirectoryUser entry, RequestContext context) {
        if (entry.email() == null || entry.email().isBlank()) {
            throw new DomainException(NO_EMAIL);
        }
        return identityStore.createUser(new NewUser(entry.userName(), entry.displayName(),
                orElse(entry.givenName(), entry.userName()), orElse(entry.familyName(), "-"), entry.email(), false),
                DIRECTORY, context);
    }

    private User update(User user, DirectoryUser entry, RequestContext context) {
        User current = user.userName().equals(entry.userName()) ? user
                : identityStore.renameUser(user.userName(), entry.userName(), DIRECTORY, context);
        String given = orElse(entry.givenName(), current.givenName());
        String family = orElse(entry.familyName(), current.familyName());
        String display = orElse(entry.displayName(), current.displayName());
        String email = orElse(entry.email(), current.email());
        if (Objects.equals(given, current.givenName()) && Objects.equals(family, current.familyName())
                && Objects.equals(display, current.displayName()) && Objects.equals(email, current.email())) {
            return current;
        }
        return identityStore.updateUser(current.userName(), new UserChanges(display, given, family, email,
                current.administrator()), DIRECTORY, context);
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
