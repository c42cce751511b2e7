package dev.gatehouse.core.identitysource;

import java.util.List;

/**
 * Where an LDAP directory (OpenLDAP, Active Directory, ...) is and how Gatehouse reads it. The bind account's
 * password is kept sealed in the identity source row, never here.
 *
 * @param urls          {@code ldap://} or {@code ldaps://} URLs, tried in order (failover)
 * @param transport     how the connection is protected
 * @param trustedCaFile a PEM file of CA certificates trusted for the directory's TLS certificate, or null for the
 *                      JVM's default trust store
 * @param bindDn        the account Gatehouse reads the directory as
 * @param userBaseDn    where users are searched (subtree)
 * @param userFilter    which entries below it are users
 * @param groupBaseDn   where groups are searched (subtree)
 * @param groupFilter   which entries below it are groups
 * @param schema        which attributes hold what (a preset)
 */
public record LdapSettings(List<String> urls, Transport transport, String trustedCaFile, String bindDn,
                           String userBaseDn, String userFilter, String groupBaseDn, String groupFilter,
                           LdapSchema schema) {

    /**
     * LDAPS (TLS from the first byte), StartTLS (plain port, upgraded before the bind), or plain LDAP, allowed only
     * when an administrator says so explicitly: passwords would cross the network in the clear.
     */
    public enum Transport { LDAPS, START_TLS, INSECURE_PLAIN }

    public LdapSettings {
        urls = List.copyOf(urls);
    }
}
