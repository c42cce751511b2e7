package dev.gatehouse.it.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import dev.gatehouse.core.CoreServices;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.ldap.LdapSync;
import dev.gatehouse.it.MutableClock;
import dev.gatehouse.it.RunningGatehouse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance A's size: 3,000 users and a group of 1,500 of them in a Samba AD domain sync whole, which takes
 * paged searches (AD answers at most 1,000 entries a page; Gatehouse asks 500 at a time) and the group's
 * {@code member} read in ranges. The time the sync took is printed for docs/performance.md, not asserted.
 */
@ExtendWith(SambaAdInstalled.class)
class SambaAdScaleTest {

    private static final RequestContext SETUP = RequestContext.commandLine("samba-ad-scale-test");
    private static final int USERS = 3_000;
    private static final int BIG_GROUP = 1_500;

    @TempDir
    Path dataDir;

    @Test
    void threeThousandUsersAndAFifteenHundredMemberGroupSyncWhole() throws LDAPException {
        SambaAdServer samba = SambaAdServer.shared();
        SambaAdOrganization ad = SambaAdOrganization.create(samba, "Scale");
        long created = System.nanoTime();
        List<String> members = new ArrayList<>();
        try (LDAPConnection admin = samba.asAdmin()) {
            for (int i = 0; i < USERS; i++) {
                String name = "scale" + i;
                String dn = "CN=" + name + "," + ad.peopleDn();
                // 544: a normal account that needs no password, so it is enabled without one.
                admin.add(new Entry(dn, new Attribute("objectClass", "user"),
                        new Attribute("sAMAccountName", name), new Attribute("userAccountControl", "544"),
                        new Attribute("givenName", "Scale"), new Attribute("sn", "User " + i),
                        new Attribute("displayName", "Scale User " + i), new Attribute("mail", name + "@example.com")));
                if (i < BIG_GROUP) {
                    members.add(dn);
                }
            }
            admin.add(new Entry("CN=scale-big," + ad.groupsDn(), new Attribute("objectClass", "group"),
                    new Attribute("sAMAccountName", "scale-big"), new Attribute("member", members)));
            // The first range Gatehouse asks for stops short of the group, so the sync has to read the next one.
            Entry firstRange = admin.getEntry("CN=scale-big," + ad.groupsDn(), "member;range=0-999");
            assertThat(firstRange.getAttribute("member;range=0-999").size()).isEqualTo(1_000);
        }
        System.out.printf("Samba AD: %d users and a %d-member group added over LDAP in %s%n", USERS, BIG_GROUP,
                Duration.ofNanos(System.nanoTime() - created));

        try (RunningGatehouse gatehouse = RunningGatehouse.onH2(dataDir, MutableClock.startingNow())) {
            CoreServices core = gatehouse.services().core();
            core.identitySources().setLdap(ad.settings(samba.url()), SambaAdOrganization.BIND_PASSWORD,
                    Actor.administratorCli(), SETUP);

            long started = System.nanoTime();
            LdapSync.Report first = core.ldapSync().run(SETUP);
            Duration firstSync = Duration.ofNanos(System.nanoTime() - started);
            assertThat(first.users()).isEqualTo(USERS);
            assertThat(first.groups()).isEqualTo(1);
            assertThat(first.skipped()).isZero();
            assertThat(first.membershipsAdded()).isEqualTo(BIG_GROUP);
            assertThat(core.identityStore().members("scale-big")).hasSize(BIG_GROUP);

            started = System.nanoTime();
            LdapSync.Report again = core.ldapSync().run(SETUP);
            Duration unchangedSync = Duration.ofNanos(System.nanoTime() - started);
            assertThat(again.users()).isEqualTo(USERS);
            assertThat(again.membershipsAdded() + again.membershipsRemoved()).isZero();
            System.out.printf("LDAP sync against Samba AD, %d users and a %d-member group: first %s, unchanged %s%n",
                    USERS, BIG_GROUP, firstSync, unchangedSync);
        }
    }
}
