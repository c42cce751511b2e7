package dev.gatehouse.core.identitysource;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The port an LDAP connector implements (server/idp/ldap): an open, pooled connection to one configured directory.
 * Every method throws {@link DirectoryUnavailable} when no URL answers.
 */
public interface LdapDirectory extends AutoCloseable {

    /** What a test of the settings found: how many users and groups, and one user to show. */
    record Probe(String connectedUrl, int users, int groups, Optional<DirectoryUser> sampleUser) {
    }

    /** A user entry, read through the schema's mapping. */
    record DirectoryUser(String dn, String id, String userName, String email, String givenName, String familyName,
                         String displayName, boolean disabled) {
    }

    /** A group entry with the DNs its member attribute lists (users and groups alike). */
    record DirectoryGroup(String dn, String id, String name, List<String> memberDns) {
    }

    /** What became of a bind with a person's password. */
    enum BindResult { SIGNED_IN, WRONG_PASSWORD, DISABLED, ACCOUNT_EXPIRED, LOCKED, PASSWORD_EXPIRED, UNKNOWN_USER }

    record Authentication(BindResult result, Optional<DirectoryUser> user) {
    }

    /** No URL of the directory answered, or the bind account was refused. The message is safe to show. */
    final class DirectoryUnavailable extends RuntimeException {
        public DirectoryUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    Probe probe();

    /** Finds the user by sign-in name, then binds as them with the password; the password is kept nowhere. */
    Authentication authenticate(String userName, char[] password);

    Optional<DirectoryUser> findUser(String userName);

    /** The user entry with this stable id (entryUUID, objectGUID) within the user base and filter. */
    Optional<DirectoryUser> findUserById(String id);

    /** The groups below the group base that list the DN among their direct members (their member lists left out). */
    List<DirectoryGroup> groupsListing(String memberDn);

    /** Every user below the user base, read in pages. */
    List<DirectoryUser> users();

    /** Every group below the group base, read in pages. */
    List<DirectoryGroup> groups();

    /** The users whose entry changed at or after {@code since}, by the schema's change timestamp. */
    List<DirectoryUser> usersChangedSince(Instant since);

    /** The groups whose entry (their member list included) changed at or after {@code since}. */
    List<DirectoryGroup> groupsChangedSince(Instant since);

    /**
     * The directory's account lockout policy, as last read (read on first use); {@link LockoutPolicy#NONE} for a
     * directory that has none Gatehouse can read. Never contacts a directory that has answered before.
     */
    default LockoutPolicy lockoutPolicy() {
        return LockoutPolicy.NONE;
    }

    /** Reads the lockout policy again (each sync does); a failure keeps the last one read. Never throws. */
    default void refreshLockoutPolicy() {
    }

    @Override
    void close();

    /** Opens directories from settings; the server wires the LDAP SDK's. */
    interface Connector {
        LdapDirectory open(LdapSettings settings, String bindPassword);
    }
}
