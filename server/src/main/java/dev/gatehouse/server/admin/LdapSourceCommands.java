package dev.gatehouse.server.admin;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.identitysource.IdentitySource;
import dev.gatehouse.core.identitysource.LdapDirectory;
import dev.gatehouse.core.identitysource.LdapDirectory.DirectoryUnavailable;
import dev.gatehouse.core.identitysource.LdapDirectory.DirectoryUser;
import dev.gatehouse.core.identitysource.LdapSettings;
import dev.gatehouse.core.identitysource.LdapSettingsCheck;
import dev.gatehouse.core.ldap.LdapSync;
import dev.gatehouse.server.idp.ldap.LdapConnector;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code identity-source set-ldap} and {@code test-ldap}: an LDAP directory as the source (docs/identity-sources.md). */
final class LdapSourceCommands {

    private LdapSourceCommands() {
    }

    /** What {@code identity-source show} prints for an LDAP source (never the bind password). */
    static void show(LdapSettings ldap, PrintWriter out) {
        out.println("identity source: LDAP");
        out.println("urls:            " + String.join(" ", ldap.urls()));
        out.println("transport:       " + ldap.transport().name().toLowerCase(Locale.ROOT));
        if (ldap.trustedCaFile() != null) {
            out.println("trusted CAs:     " + ldap.trustedCaFile());
        }
        out.println("bind dn:         " + ldap.bindDn());
        out.println("users:           " + ldap.userFilter() + " below " + ldap.userBaseDn());
        out.println("groups:          " + ldap.groupFilter() + " below " + ldap.groupBaseDn());
        out.println("schema:          " + ldap.schema().preset().cliName());
    }

    @Command(name = "set-ldap", description = "Sign in with directory passwords (OpenLDAP, Active Directory); users "
            + "and groups come from the directory. Ends every browser session.")
    static final class SetLdap extends AdminSubcommand implements Runnable {

        @Mixin
        LdapSourceOptions options;

        @Override
        public void run() {
            IdentitySource source = core().identitySources().setLdap(options.settings(), options.bindPassword(),
                    AdminCommand.actor(), AdminCommand.context());
            out().println("identity source: LDAP " + String.join(" ", source.ldap().urls())
                    + " (browser sessions ended)");
            out().println("transport:       " + source.ldap().transport().name().toLowerCase(Locale.ROOT));
            out().println("user filter:     " + source.ldap().userFilter());
            out().println("group filter:    " + source.ldap().groupFilter());
        }
    }

    @Command(name = "test-ldap", description = "Connect to a directory and report what it holds, without changing "
            + "anything: the options of set-ldap, or none to test the LDAP source in force.")
    static final class TestLdap extends AdminSubcommand implements Runnable {

        @Mixin
        LdapSourceOptions options;

        @Override
        public void run() {
            LdapSettings settings;
            String bindPassword;
            if (options.given()) {
                settings = LdapSettingsCheck.checked(options.settings());
                bindPassword = options.bindPassword();
            } else {
                IdentitySource source = core().identitySources().current();
                if (source.kind() != IdentitySource.Kind.LDAP) {
                    throw DomainException.invalid("urls", "The identity source is not LDAP: give the directory's "
                            + "options to test");
                }
                settings = source.ldap();
                bindPassword = core().identitySources().bindPassword(source);
            }
            try (LdapDirectory directory = new LdapConnector().open(settings, bindPassword)) {
                LdapDirectory.Probe probe = directory.probe();
                out().println("connected to:    " + probe.connectedUrl());
                out().println("users:           " + probe.users());
                out().println("groups:          " + probe.groups());
                probe.sampleUser().ifPresent(this::printSample);
            } catch (DirectoryUnavailable e) {
                throw DomainException.invalid("directory", e.getMessage());
            }
        }

        private void printSample(DirectoryUser user) {
            out().println("sample user:     " + user.userName() + " (" + user.dn() + ")");
            out().println("  id:            " + user.id());
            out().println("  email:         " + user.email());
            out().println("  name:          " + user.givenName() + " " + user.familyName() + " / "
                    + user.displayName());
            out().println("  disabled:      " + user.disabled());
        }
    }

    @Command(name = "sync", description = "Sync users, groups and memberships from the LDAP directory now (the "
            + "server also does every few minutes). Users gone from the directory are deleted here.")
    static final class Sync extends AdminSubcommand implements Runnable {

        @Override
        public void run() {
            LdapSync.Report report = core().ldapSync().run(AdminCommand.context());
            out().println("users:           " + report.users() + " (" + report.usersRemoved() + " removed)");
            out().println("groups:          " + report.groups() + " (" + report.groupsRemoved() + " removed)");
            out().println("memberships:     +" + report.membershipsAdded() + " -" + report.membershipsRemoved());
            if (report.skipped() > 0) {
                out().println("skipped:         " + report.skipped() + " (no id, name or email; or a nesting "
                        + "that would close a cycle)");
            }
        }
    }
}
