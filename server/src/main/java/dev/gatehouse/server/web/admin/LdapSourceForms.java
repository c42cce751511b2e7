package dev.gatehouse.server.web.admin;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.identitysource.IdentitySource;
import dev.gatehouse.core.identitysource.IdentitySource.Kind;
import dev.gatehouse.core.identitysource.IdentitySources;
import dev.gatehouse.core.identitysource.LdapDirectory;
import dev.gatehouse.core.identitysource.LdapDirectory.DirectoryUnavailable;
import dev.gatehouse.core.identitysource.LdapSchema;
import dev.gatehouse.core.identitysource.LdapSettings;
import dev.gatehouse.core.identitysource.LdapSettings.Transport;
import dev.gatehouse.core.identitysource.LdapSettingsCheck;
import dev.gatehouse.server.http.RequestContexts;
import dev.gatehouse.server.idp.ldap.LdapConnector;
import dev.gatehouse.server.web.Refusable;
import dev.gatehouse.server.web.view.admin.IdentitySourceView.Setting;
import dev.gatehouse.server.web.view.admin.LdapSourceForm;
import io.javalin.http.Context;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The LDAP form of {@code /admin/identity-source}: "Test connection" reports what the directory holds without
 * changing anything, as {@code admin identity-source test-ldap} does; the switch goes through
 * {@link IdentitySources#setLdap}, as {@code set-ldap} does, so it is checked, sealed and audited the same way.
 */
final class LdapSourceForms {

    /** How the identity source page shows this form again: with what a test found, or with refusals. */
    interface Page {
        void show(Context ctx, Admin admin, int status, LdapSourceForm form, List<Setting> found,
                  Map<String, String> errors);

        void changed(Context ctx, String source);
    }

    private final IdentitySources sources;
    private final LdapDirectory.Connector connector = new LdapConnector();
    private final Page page;

    LdapSourceForms(IdentitySources sources, Page page) {
        this.sources = sources;
        this.page = page;
    }

    void test(Context ctx, Admin admin) {
        LdapSourceForm form = formOf(ctx);
        String typed = Forms.text(ctx, "bindPassword");
        List<Setting> found = Refusable.call(() -> probe(form, typed),
                refusal -> page.show(ctx, admin, 400, form, List.of(), FieldErrors.of(refusal)));
        page.show(ctx, admin, 200, form, found, Map.of());
    }

    void set(Context ctx, Admin admin) {
        LdapSourceForm form = formOf(ctx);
        String typed = Forms.text(ctx, "bindPassword");
        IdentitySource changed = Refusable.call(() -> {
            LdapSettings settings = settings(form);
            return sources.setLdap(settings, passwordOrKept(typed, LdapSettingsCheck.checked(settings)),
                    admin.actor(), RequestContexts.of(ctx));
        }, refusal -> page.show(ctx, admin, 400, form, List.of(), FieldErrors.of(refusal)));
        page.changed(ctx, "the LDAP directory " + String.join(" ", changed.ldap().urls()));
    }

    /** What {@code test-ldap} prints, as label and value. */
    private List<Setting> probe(LdapSourceForm form, String typed) {
        LdapSettings checked = LdapSettingsCheck.checked(settings(form));
        String password = passwordOrKept(typed, checked);
        if (password.isEmpty()) {
            throw DomainException.invalid("bindPassword", "The bind account's password is required");
        }
        try (LdapDirectory directory = connector.open(checked, password)) {
            LdapDirectory.Probe probe = directory.probe();
            List<Setting> found = new ArrayList<>();
            found.add(new Setting("Connected to", probe.connectedUrl()));
            found.add(new Setting("Users", String.valueOf(probe.users())));
            found.add(new Setting("Groups", String.valueOf(probe.groups())));
            probe.sampleUser().ifPresent(user -> {
                found.add(new Setting("Sample user", user.userName() + " (" + user.dn() + ")"));
                found.add(new Setting("Its id", user.id()));
                found.add(new Setting("Its email", user.email()));
                found.add(new Setting("Its name", user.givenName() + " " + user.familyName() + " / "
                        + user.displayName()));
                found.add(new Setting("Disabled", String.valueOf(user.disabled())));
            });
            return found;
        } catch (DirectoryUnavailable e) {
            throw DomainException.invalid("directory", e.getMessage());
        }
    }

    /**
     * An empty password keeps the stored one, but only for the same URLs and bind DN: the stored password is never
     * sent to another directory or account.
     */
    private String passwordOrKept(String typed, LdapSettings checked) {
        IdentitySource current = sources.current();
        if (typed.isEmpty() && current.kind() == Kind.LDAP && current.ldap().urls().equals(checked.urls())
                && current.ldap().bindDn().equals(checked.bindDn())) {
            return sources.bindPassword(current);
        }
        return typed;
    }

    /** Read as {@code LdapSourceOptions} reads the command's options, so both refuse the same input alike. */
    private static LdapSettings settings(LdapSourceForm form) {
        List<String> urls = Arrays.stream(form.urls().split("\\R")).map(String::strip)
                .filter(url -> !url.isEmpty()).toList();
        if (urls.isEmpty()) {
            throw DomainException.invalid("urls", "Give at least one directory URL");
        }
        Transport transport = switch (form.transport()) {
            case "ldaps" -> Transport.LDAPS;
            case "starttls" -> form.insecurePlain() ? Transport.INSECURE_PLAIN : Transport.START_TLS;
            default -> throw DomainException.invalid("transport", "Choose LDAPS or StartTLS");
        };
        if (transport == Transport.LDAPS && form.insecurePlain()) {
            throw DomainException.invalid("transport", "Insecure plain LDAP uses ldap:// URLs: choose StartTLS with "
                    + "it, not LDAPS");
        }
        String caFile = form.trustedCaFile().strip();
        if (!caFile.isEmpty() && !Files.isReadable(Path.of(caFile))) {
            throw DomainException.invalid("trustedCaFile", "The server cannot read a file at " + caFile);
        }
        LdapSchema schema;
        try {
            schema = LdapSchema.of(LdapSchema.presetOfCliName(form.schema()));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("schema", "The schema must be OpenLDAP or Active Directory");
        }
        return new LdapSettings(urls, transport, caFile, form.bindDn(), form.userBaseDn(), form.userFilter(),
                form.groupBaseDn(), form.groupFilter(), schema);
    }

    static LdapSourceForm formOf(Context ctx) {
        return new LdapSourceForm(Forms.text(ctx, "urls"), Forms.text(ctx, "transport"),
                Forms.checked(ctx, "insecurePlain"), Forms.text(ctx, "trustedCaFile"), Forms.text(ctx, "bindDn"),
                Forms.text(ctx, "userBaseDn"), Forms.text(ctx, "userFilter"), Forms.text(ctx, "groupBaseDn"),
                Forms.text(ctx, "groupFilter"), Forms.text(ctx, "schema"));
    }

    /** The source in force as the form shows it, or an empty form. */
    static LdapSourceForm formOf(IdentitySource source) {
        if (source.kind() != Kind.LDAP) {
            return LdapSourceForm.EMPTY;
        }
        LdapSettings ldap = source.ldap();
        return new LdapSourceForm(String.join("\n", ldap.urls()),
                ldap.transport() == Transport.LDAPS ? "ldaps" : "starttls",
                ldap.transport() == Transport.INSECURE_PLAIN,
                ldap.trustedCaFile() == null ? "" : ldap.trustedCaFile(), ldap.bindDn(), ldap.userBaseDn(),
                ldap.userFilter(), ldap.groupBaseDn(), ldap.groupFilter(),
                ldap.schema().preset().cliName());
    }
}
