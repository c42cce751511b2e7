package dev.gatehouse.server.idp.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.util.StaticUtils;
import dev.gatehouse.core.identitysource.LdapDirectory;
import dev.gatehouse.core.identitysource.LdapSchema;
import dev.gatehouse.core.identitysource.LdapSettings;
import dev.gatehouse.core.identitysource.LockoutPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A configured directory read through a connection pool: users and groups in pages (Active Directory answers at
 * most 1,000 entries a page), an AD group's members in ranges ({@link RangedMembers}), and a person's password
 * checked by a bind on a pooled connection that is bound back as the bind account afterwards.
 */
final class PooledDirectory implements LdapDirectory {

    private static final int PAGE_SIZE = 500;

    private final LDAPConnectionPool pool;
    private final LdapSettings settings;
    private final DirectoryEntries entries;
    /** Null for a directory without a lockout policy Gatehouse can read (OpenLDAP's ppolicy is not read). */
    private final DomainLockoutPolicy lockout;

    PooledDirectory(LDAPConnectionPool pool, LdapSettings settings) {
        this.pool = pool;
        this.settings = settings;
        this.entries = new DirectoryEntries(settings.schema());
        this.lockout = settings.schema().preset() == LdapSchema.Preset.ACTIVE_DIRECTORY
                ? new DomainLockoutPolicy(pool, settings.userBaseDn()) : null;
    }

    @Override
    public LockoutPolicy lockoutPolicy() {
        return lockout == null ? LockoutPolicy.NONE : lockout.current();
    }

    @Override
    public void refreshLockoutPolicy() {
        if (lockout != null) {
            lockout.refresh();
        }
    }

    @Override
    public Probe probe() {
        List<DirectoryUser> users = users();
        int groups = groups().size();
        String connected;
        try {
            LDAPConnection connection = pool.getConnection();
            connected = connection.getConnectedAddress() + ":" + connection.getConnectedPort();
            pool.releaseConnection(connection);
        } catch (LDAPException e) {
            throw unavailable(e);
        }
        return new Probe(connected, users.size(), groups, users.stream().findFirst());
    }

    @Override
    public Authentication authenticate(String userName, char[] password) {
        Optional<DirectoryUser> user = findUser(userName);
        if (user.isEmpty()) {
            return new Authentication(BindResult.UNKNOWN_USER, Optional.empty());
        }
        if (password.length == 0) {
            // An empty password is an anonymous bind to many directories: it would "succeed" for anyone.
            return new Authentication(BindResult.WRONG_PASSWORD, user);
        }
        try {
            pool.bindAndRevertAuthentication(new SimpleBindRequest(user.get().dn(), new String(password)));
        } catch (LDAPException e) {
            ResultCode code = e.getResultCode();
            if (code == ResultCode.INVALID_CREDENTIALS || code == ResultCode.UNWILLING_TO_PERFORM
                    || code == ResultCode.INAPPROPRIATE_AUTHENTICATION) {
                return new Authentication(BindFailures.of(e.getDiagnosticMessage()), user);
            }
            throw unavailable(e);
        }
        return new Authentication(user.get().disabled() ? BindResult.DISABLED : BindResult.SIGNED_IN, user);
    }

    @Override
    public Optional<DirectoryUser> findUser(String userName) {
        Filter filter = Filter.createANDFilter(parsed(settings.userFilter()),
                Filter.createEqualityFilter(settings.schema().userName(), userName));
        List<DirectoryUser> found = search(settings.userBaseDn(), filter, entries::user, entries.userAttributes());
        return found.size() == 1 ? Optional.of(found.getFirst()) : Optional.empty();
    }

    @Override
    public Optional<DirectoryUser> findUserById(String id) {
        Filter filter = Filter.createANDFilter(parsed(settings.userFilter()),
                DirectoryEntries.idFilter(settings.schema().userId(), id));
        List<DirectoryUser> found = search(settings.userBaseDn(), filter, entries::user, entries.userAttributes());
        return found.size() == 1 ? Optional.of(found.getFirst()) : Optional.empty();
    }

    @Override
    public List<DirectoryGroup> groupsListing(String memberDn) {
        Filter filter = Filter.createANDFilter(parsed(settings.groupFilter()),
                Filter.createEqualityFilter(settings.schema().member(), memberDn));
        return search(settings.groupBaseDn(), filter, entries::group, entries.groupNameAttributes());
    }

    @Override
    public List<DirectoryUser> users() {
        return search(settings.userBaseDn(), parsed(settings.userFilter()), entries::user, entries.userAttributes());
    }

    @Override
    public List<DirectoryGroup> groups() {
        return groupsMatching(parsed(settings.groupFilter()));
    }

    private List<DirectoryGroup> groupsMatching(Filter filter) {
        if (!activeDirectory()) {
            return search(settings.groupBaseDn(), filter, entries::group, entries.groupAttributes());
        }
        RangedMembers members = new RangedMembers(pool, settings.schema().member());
        List<SearchResultEntry> found = search(settings.groupBaseDn(), filter, e -> e,
                entries.groupAttributes(members.firstRequest()));
        List<DirectoryGroup> groups = new ArrayList<>(found.size());
        try {
            for (SearchResultEntry entry : found) {
                groups.add(entries.group(entry, members.all(entry)));
            }
        } catch (LDAPException e) {
            throw unavailable(e);
        }
        return groups;
    }

    private boolean activeDirectory() {
        return settings.schema().preset() == LdapSchema.Preset.ACTIVE_DIRECTORY;
    }

    @Override
    public List<DirectoryUser> usersChangedSince(Instant since) {
        return search(settings.userBaseDn(), Filter.createANDFilter(parsed(settings.userFilter()), changedSince(since)),
                entries::user, entries.userAttributes());
    }

    @Override
    public List<DirectoryGroup> groupsChangedSince(Instant since) {
        return groupsMatching(Filter.createANDFilter(parsed(settings.groupFilter()), changedSince(since)));
    }

    private Filter changedSince(Instant since) {
        return Filter.createGreaterOrEqualFilter(settings.schema().changedAttribute(),
                StaticUtils.encodeGeneralizedTime(Date.from(since)));
    }

    @Override
    public void close() {
        pool.close();
    }

    private <T> List<T> search(String base, Filter filter, Function<SearchResultEntry, T> mapper,
                               String[] attributes) {
        List<T> all = new ArrayList<>();
        ASN1OctetString cookie = null;
        try {
            do {
                SearchRequest request = new SearchRequest(base, SearchScope.SUB, filter, attributes);
                request.addControl(new SimplePagedResultsControl(PAGE_SIZE, cookie));
                SearchResult result = pool.search(request);
                result.getSearchEntries().forEach(entry -> all.add(mapper.apply(entry)));
                SimplePagedResultsControl paged = SimplePagedResultsControl.get(result);
                cookie = paged == null || paged.getCookie().getValueLength() == 0 ? null : paged.getCookie();
            } while (cookie != null);
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                throw new DirectoryUnavailable("The base DN " + base + " does not exist in the directory", e);
            }
            throw unavailable(e);
        }
        return all;
    }

    private static Filter parsed(String filter) {
        try {
            return Filter.create(filter);
        } catch (LDAPException e) {
            throw new DirectoryUnavailable("The filter " + filter + " is not a valid LDAP filter", e);
        }
    }

    private static DirectoryUnavailable unavailable(LDAPException e) {
        if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
            return new DirectoryUnavailable("The directory refused the bind account's DN or password", e);
        }
        return new DirectoryUnavailable("The directory is unavailable (" + e.getResultCode().getName() + ")", e);
    }
}
