package dev.gatehouse.core.testing;

import dev.gatehouse.core.access.Account;
import dev.gatehouse.core.access.AccountAssignment;
import dev.gatehouse.core.access.PermissionSet;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.authz.ServiceCredential;
import dev.gatehouse.core.directory.Group;
import dev.gatehouse.core.directory.GroupNesting;
import dev.gatehouse.core.directory.Membership;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.instance.Instance;
import dev.gatehouse.core.keys.StoredSealingKey;
import dev.gatehouse.core.mfa.MfaDevice;
import dev.gatehouse.core.mfa.WebAuthnChallenge;
import dev.gatehouse.core.oidc.AuthorizationCode;
import dev.gatehouse.core.oidc.ClientRegistration;
import dev.gatehouse.core.oidc.DeviceAuthorization;
import dev.gatehouse.core.password.ActivationLink;
import dev.gatehouse.core.session.IssuedToken;
import dev.gatehouse.core.session.PortalSession;
import dev.gatehouse.core.signin.PendingSignIn;
import dev.gatehouse.core.signin.RememberedBrowser;
import dev.gatehouse.core.throttle.FailedAttempts;
import java.util.List;
import java.util.Map;

/**
 * Every table of the in-memory store, the same ones the JDBC store's schema has. They are shared by the
 * repositories because foreign keys and cascades cross them (deleting a user reaches ten tables).
 */
final class InMemoryTables {

    final Table<String, User> users = new Table<>();
    final Table<String, Group> groups = new Table<>();
    final Table<String, Membership> memberships = new Table<>();
    /** A nesting is its own key, as both columns are the JDBC table's primary key. */
    final Table<GroupNesting, GroupNesting> nestings = new Table<>();
    final Table<String, Account> accounts = new Table<>();
    final Table<String, PermissionSet> permissionSets = new Table<>();
    /** An assignment is its own key, as all four columns are the JDBC table's primary key. */
    final Table<AccountAssignment, AccountAssignment> assignments = new Table<>();
    final Table<String, ClientRegistration> clients = new Table<>();
    final Table<String, DeviceAuthorization> deviceAuthorizations = new Table<>();
    final Table<String, AuthorizationCode> authorizationCodes = new Table<>();
    final Table<String, PortalSession> sessions = new Table<>();
    final Table<String, IssuedToken> issuedTokens = new Table<>();
    final Table<String, ActivationLink> activationLinks = new Table<>();
    final Table<String, MfaDevice> mfaDevices = new Table<>();
    /** User id to WebAuthn user handle. */
    final Table<String, String> userHandles = new Table<>();
    final Table<String, WebAuthnChallenge> challenges = new Table<>();
    final Table<String, AuditEvent> auditEvents = new Table<>();
    /** The single instance row, under the key 1 as in the JDBC table. */
    final Table<Integer, Instance> instance = new Table<>();
    final Table<Integer, StoredSealingKey> sealingKeys = new Table<>();
    final Table<Integer, String> managementAccount = new Table<>();
    final Table<String, FailedAttempts> failedAttempts = new Table<>();
    /** User id to the user's remembered passwords, oldest first (an immutable list, replaced on each change). */
    final Table<String, List<InMemoryPasswordHistory.Generation>> passwordHistory = new Table<>();
    final Table<String, PendingSignIn> pendingSignIns = new Table<>();
    final Table<String, RememberedBrowser> rememberedBrowsers = new Table<>();
    /** User id to the user's attributes (an immutable map, replaced whole). */
    final Table<String, Map<String, String>> userAttributes = new Table<>();
    final Table<String, dev.gatehouse.core.directory.ContactDetails> contactDetails = new Table<>();
    /** Tag key to user attribute name. */
    final Table<String, String> accessControlAttributes = new Table<>();
    final Table<String, ServiceCredential> serviceCredentials = new Table<>();
    final Table<String, dev.gatehouse.core.access.ProvisioningRequest> provisioningRequests = new Table<>();
    final Table<String, dev.gatehouse.core.scim.ScimToken> scimTokens = new Table<>();
    /** "USER:id" or "GROUP:id" to the external id. */
    final Table<String, String> scimExternalIds = new Table<>();
    /** The single identity source, under the key 1 as in the JDBC table. */
    final Table<Integer, dev.gatehouse.core.identitysource.IdentitySource> identitySource = new Table<>();
    /** "issuer\nsubject" to the user id. */
    final Table<String, String> externalSubjects = new Table<>();
    final Table<Integer, dev.gatehouse.core.identitysource.SamlSpKey> samlSpKey = new Table<>();
    /** Request id to when it expires. */
    final Table<String, java.time.Instant> samlRequests = new Table<>();
    /** "issuer\nassertion id" to when it expires. */
    final Table<String, java.time.Instant> samlAssertions = new Table<>();
    /** "kind\ndirectory id" to the Gatehouse user or group id. */
    final Table<String, String> directoryLinks = new Table<>();

    record Lease(String holder, java.time.Instant expiresAt) { }

    final Table<String, Lease> syncLeases = new Table<>();

    private final List<Table<?, ?>> all = List.of(users, groups, memberships, nestings, accounts, permissionSets, assignments,
            clients, deviceAuthorizations, authorizationCodes, sessions, issuedTokens, activationLinks, mfaDevices,
            userHandles, challenges, auditEvents, instance, sealingKeys, managementAccount, failedAttempts, passwordHistory,
            pendingSignIns, rememberedBrowsers, userAttributes, contactDetails, accessControlAttributes, serviceCredentials,
            scimTokens, scimExternalIds, identitySource, externalSubjects, samlSpKey, samlRequests, samlAssertions,
            directoryLinks, provisioningRequests, syncLeases);

    /** Every table's rows as they are now. */
    List<Map<?, ?>> snapshot() {
        return all.stream().<Map<?, ?>>map(Table::snapshot).toList();
    }

    /** Puts every table back as {@link #snapshot} found it. */
    void restore(List<Map<?, ?>> snapshot) {
        for (int i = 0; i < all.size(); i++) {
            all.get(i).restore(snapshot.get(i));
        }
    }

    /** A foreign key to users: the NotFound the JDBC store makes of a violated one. */
    void requireUser(String userId) {
        if (!users.contains(userId)) {
            throw dev.gatehouse.core.error.DomainException.notFound("User", userId);
        }
    }
}
