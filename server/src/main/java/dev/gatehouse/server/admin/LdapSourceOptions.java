package dev.gatehouse.server.admin;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.identitysource.LdapSchema;
import dev.gatehouse.core.identitysource.LdapSettings;
import dev.gatehouse.core.identitysource.LdapSettings.Transport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * What {@code set-ldap} and {@code test-ldap} are told about a directory. {@code ldaps://} URLs mean LDAPS;
 * {@code ldap://} URLs mean StartTLS unless {@code --insecure-plain-ldap} says otherwise.
 */
final class LdapSourceOptions {

    @Option(names = "--url", description = "a directory URL, ldaps://host[:port] or ldap://host[:port]; repeat for "
            + "failover, tried in order")
    List<String> urls;

    @Option(names = "--insecure-plain-ldap", description = "ldap:// without StartTLS: passwords cross the network "
            + "in the clear (a directory on the same machine only)")
    boolean insecurePlain;

    @Option(names = "--ca-file", description = "PEM CA certificates trusted for the directory's TLS certificate "
            + "(default: the JVM's trust store)")
    String caFile;

    @Option(names = "--bind-dn", description = "the account Gatehouse reads the directory as")
    String bindDn;

    @Option(names = "--bind-password-file", description = "a file holding that account's password")
    Path bindPasswordFile;

    @Option(names = "--user-base", description = "the DN users are searched below") String userBase;

    @Option(names = "--user-filter", description = "which entries are users (default: the schema's)")
    String userFilter;

    @Option(names = "--group-base", description = "the DN groups are searched below") String groupBase;

    @Option(names = "--group-filter", description = "which entries are groups (default: the schema's)")
    String groupFilter;

    @Option(names = "--schema", defaultValue = "openldap", description = "the attribute mapping: openldap "
            + "(default: entryUUID, uid, inetOrgPerson, groupOfNames) or active-directory (objectGUID, "
            + "sAMAccountName, userAccountControl)")
    String schema;

    boolean given() {
        return urls != null && !urls.isEmpty();
    }

    LdapSettings settings() {
        if (!given()) {
            throw DomainException.invalid("urls", "Give at least one --url");
        }
        Transport transport = insecurePlain ? Transport.INSECURE_PLAIN
                : urls.getFirst().strip().startsWith("ldaps:") ? Transport.LDAPS : Transport.START_TLS;
        LdapSchema mapping;
        try {
            mapping = LdapSchema.of(LdapSchema.presetOfCliName(schema));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("schema", "--schema must be openldap or active-directory");
        }
        return new LdapSettings(urls, transport, caFile, bindDn, userBase, userFilter, groupBase, groupFilter,
                mapping);
    }

    String bindPassword() {
        if (bindPasswordFile == null) {
            throw DomainException.invalid("bindPassword", "Give --bind-password-file");
        }
        try {
            return Files.readString(bindPasswordFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw DomainException.invalid("bindPasswordFile", "Cannot read " + bindPasswordFile + ": "
                    + e.getMessage());
        }
    }
}
