package dev.gatehouse.core.ldap;

import dev.gatehouse.core.identitysource.LdapDirectory;
import dev.gatehouse.core.identitysource.LockoutPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A directory held in lists, for core's unit tests (the connector itself is tested against real directories). */
final class StandInDirectory implements LdapDirectory {

    final List<DirectoryUser> users = new ArrayList<>();
    final List<DirectoryGroup> groups = new ArrayList<>();
    final Map<String, String> passwords = new HashMap<>();
    boolean down;
    boolean closed;
    int binds;
    /** The lockout policy the directory reports, and how often a sync asked it again. */
    LockoutPolicy lockout = LockoutPolicy.NONE;
    int lockoutReads;
    /** Runs while a sync reads the users, as if another node acted meanwhile. */
    Runnable whileReadingUsers = () -> { };

    DirectoryUser addUser(String uid, String password) {
        DirectoryUser user = new DirectoryUser("uid=" + uid + ",ou=people,dc=example,dc=com", "uuid-" + uid, uid,
                uid + "@example.com", uid, "Tester", uid + " Tester", false);
        users.add(user);
        passwords.put(uid, password);
        return user;
    }

    void addGroup(String cn, String... memberDns) {
        groups.add(new DirectoryGroup("cn=" + cn + ",ou=groups,dc=example,dc=com", "uuid-" + cn, cn,
                List.of(memberDns)));
    }

    static String groupDn(String cn) {
        return "cn=" + cn + ",ou=groups,dc=example,dc=com";
    }

    @Override
    public Probe probe() {
        return new Probe("stand-in", users.size(), groups.size(), users.stream().findFirst());
    }

    @Override
    public Authentication authenticate(String userName, char[] password) {
        requireUp();
        binds++;
        Optional<DirectoryUser> user = findUser(userName);
        if (user.isEmpty()) {
            return new Authentication(BindResult.UNKNOWN_USER, user);
        }
        boolean matches = new String(password).equals(passwords.get(userName));
        return new Authentication(!matches ? BindResult.WRONG_PASSWORD
                : user.get().disabled() ? BindResult.DISABLED : BindResult.SIGNED_IN, user);
    }

    @Override
    public Optional<DirectoryUser> findUser(String userName) {
        requireUp();
        return users.stream().filter(u -> u.userName().equals(userName)).findFirst();
    }

    @Override
    public Optional<DirectoryUser> findUserById(String id) {
        requireUp();
        return users.stream().filter(u -> u.id().equals(id)).findFirst();
    }

    @Override
    public List<DirectoryGroup> groupsListing(String memberDn) {
        requireUp();
        return groups.stream().filter(g -> g.memberDns().contains(memberDn))
                .map(g -> new DirectoryGroup(g.dn(), g.id(), g.name(), List.of())).toList();
    }

    @Override
    public List<DirectoryUser> users() {
        requireUp();
        Runnable meanwhile = whileReadingUsers;
        whileReadingUsers = () -> { };
        meanwhile.run();
        return List.copyOf(users);
    }

    @Override
    public List<DirectoryGroup> groups() {
        requireUp();
        return List.copyOf(groups);
    }

    private void requireUp() {
        if (down) {
            throw new DirectoryUnavailable("The directory is unavailable (connect error)", null);
        }
    }

    /** When each entry last changed, by DN; an entry not listed changed long ago. */
    final Map<String, Instant> changedAt = new HashMap<>();

    @Override
    public List<DirectoryUser> usersChangedSince(Instant since) {
        requireUp();
        return users.stream().filter(u -> !changedAt.getOrDefault(u.dn(), Instant.EPOCH).isBefore(since)).toList();
    }

    @Override
    public List<DirectoryGroup> groupsChangedSince(Instant since) {
        requireUp();
        return groups.stream().filter(g -> !changedAt.getOrDefault(g.dn(), Instant.EPOCH).isBefore(since)).toList();
    }

    @Override
    public LockoutPolicy lockoutPolicy() {
        return lockout;
    }

    @Override
    public void refreshLockoutPolicy() {
        lockoutReads++;
    }

    @Override
    public void close() {
        closed = true;
    }
}
