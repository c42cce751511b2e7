package dev.gatehouse.server.web.view.admin;

/**
 * The LDAP form's fields as typed (the bind password never: it is write-only).
 *
 * @param urls          directory URLs, one per line, in failover order
 * @param transport     {@code ldaps} or {@code starttls}
 * @param insecurePlain whether plain LDAP without TLS was explicitly chosen (then the URLs are {@code ldap://})
 * @param schema        {@code openldap} or {@code active-directory}
 */
public record LdapSourceForm(String urls, String transport, boolean insecurePlain, String trustedCaFile,
                             String bindDn, String userBaseDn, String userFilter, String groupBaseDn,
                             String groupFilter, String schema) {

    public static final LdapSourceForm EMPTY = new LdapSourceForm("", "ldaps", false, "", "", "", "", "", "",
            "openldap");
}
