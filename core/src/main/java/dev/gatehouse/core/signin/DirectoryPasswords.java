package dev.gatehouse.core.signin;

import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.identitysource.LdapDirectory;
import dev.gatehouse.core.identitysource.LdapDirectory.Authentication;
import dev.gatehouse.core.identitysource.LdapDirectory.BindResult;
import dev.gatehouse.core.identitysource.LdapDirectory.DirectoryGroup;
import dev.gatehouse.core.identitysource.LdapDirectory.DirectoryUnavailable;
import dev.gatehouse.core.identitysource.LockoutPolicy;
import dev.gatehouse.core.ldap.LdapDirectories;
import dev.gatehouse.core.ldap.LdapUserCheck;
import dev.gatehouse.core.ldap.LdapUsers;
import dev.gatehouse.core.storage.Transactions;
import dev.gatehouse.core.throttle.ThrottlePolicy;
import java.util.List;
import java.util.Optional;

/**
 * The password check when an LDAP directory is the source: a bind as the person, so the password goes to the
 * directory and is kept nowhere in Gatehouse. A person the sync has not seen yet becomes a Gatehouse user first, with
 * the groups that list them; a known one is brought up to date the same way.
 * {@link PasswordStep} keeps its throttles in front, one of them derived from the directory's lockout policy
 * ({@link #lockoutThrottle}), so repeated guesses stop here before the directory locks the account.
 */
public final class DirectoryPasswords {

    static final DomainError DISABLED = new DomainError.AccessDenied("Your directory account is disabled. Ask your "
            + "administrator.");
    static final DomainError ACCOUNT_EXPIRED = new DomainError.AccessDenied("Your directory account has expired. "
            + "Ask your administrator to extend it.");
    static final DomainError LOCKED = new DomainError.AccessDenied("Your directory account is locked after too many "
            + "failed sign-ins. Ask your administrator, or wait until the directory unlocks it.");
    static final DomainError EXPIRED = new DomainError.AccessDenied("Your directory password has expired or must be "
            + "changed. Change it the way your organisation does (for example when you next sign in to Windows), "
            + "then sign in here.");

    private final LdapDirectories directories;
    private final LdapUsers ldapUsers;
    private final LdapUserCheck userCheck;
    private final Transactions transactions;

    public DirectoryPasswords(LdapDirectories directories, LdapUsers ldapUsers, LdapUserCheck userCheck,
                              Transactions transactions) {
        this.directories = directories;
        this.ldapUsers = ldapUsers;
        this.userCheck = userCheck;
        this.transactions = transactions;
    }

    /**
     * The throttle that keeps failed binds per name below the directory's lockout threshold; empty when the directory
     * never locks. A directory that cannot even be opened gets the conservative one (its bind fails anyway).
     */
    Optional<ThrottlePolicy> lockoutThrottle() {
        try {
            return directories.current().lockoutPolicy().throttle();
        } catch (DirectoryUnavailable e) {
            return LockoutPolicy.CONSERVATIVE.throttle();
        }
    }

    /**
     * The Gatehouse user when the directory accepted the password; empty for a wrong password or an unknown name
     * (counted as a failed guess); refused with its own message for an account the directory disabled, locked or
     * expired, or when the directory does not answer.
     */
    Optional<User> check(String userName, char[] password, RequestContext context) {
        Authentication result;
        List<DirectoryGroup> listing;
        try {
            LdapDirectory directory = directories.current();
            result = directory.authenticate(userName, password);
            listing = result.result() == BindResult.SIGNED_IN
                    ? directory.groupsListing(result.user().orElseThrow().dn()) : List.of();
        } catch (DirectoryUnavailable e) {
            throw LdapDirectories.unavailable();
        }
        return switch (result.result()) {
            case SIGNED_IN -> Optional.of(transactions.inTransaction(
                    () -> userCheck.sync(result.user().orElseThrow(), listing, context)));
            case WRONG_PASSWORD, UNKNOWN_USER -> Optional.empty();
            case DISABLED -> {
                result.user().ifPresent(user -> transactions.run(() -> ldapUsers.sync(user, context)));
                throw new DomainException(DISABLED);
            }
            case ACCOUNT_EXPIRED -> throw new DomainException(ACCOUNT_EXPIRED);
            case LOCKED -> throw new DomainException(LOCKED);
            case PASSWORD_EXPIRED -> throw new DomainException(EXPIRED);
        };
    }
}
