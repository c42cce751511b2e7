package dev.gatehouse.core.identitysource;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.identitysource.LdapSettings.Transport;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * What an LDAP source must look like before it is stored: at least one {@code ldap://} or {@code ldaps://} URL with
 * a host, the scheme matching the transport (so plain LDAP is never chosen by accident), a bind DN, base DNs, and
 * filters in parentheses (the preset's when none is given).
 */
public final class LdapSettingsCheck {

    private LdapSettingsCheck() {
    }

    public static LdapSettings checked(LdapSettings settings) {
        if (settings.transport() == null) {
            throw DomainException.invalid("transport", "Choose ldaps, starttls, or (explicitly) insecure plain LDAP");
        }
        if (settings.urls().isEmpty() || settings.urls().size() > 8) {
            throw DomainException.invalid("urls", "Give one to eight directory URLs");
        }
        List<String> urls = new ArrayList<>();
        for (String url : settings.urls()) {
            urls.add(checkedUrl(url.strip(), settings.transport()));
        }
        LdapSchema schema = settings.schema() == null ? LdapSchema.OPENLDAP : settings.schema();
        return new LdapSettings(urls, settings.transport(), blankToNull(settings.trustedCaFile()),
                required("bindDn", settings.bindDn(), "The bind DN"),
                required("userBaseDn", settings.userBaseDn(), "The user base DN"),
                filter("userFilter", settings.userFilter(), schema.defaultUserFilter()),
                required("groupBaseDn", settings.groupBaseDn(), "The group base DN"),
                filter("groupFilter", settings.groupFilter(), schema.defaultGroupFilter()), schema);
    }

    private static String checkedUrl(String url, Transport transport) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw DomainException.invalid("urls", "Not a URL: " + url);
        }
        String expected = transport == Transport.LDAPS ? "ldaps" : "ldap";
        if (uri.getHost() == null || !expected.equals(uri.getScheme())
                || uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
            throw DomainException.invalid("urls", "With " + transport.name().toLowerCase(java.util.Locale.ROOT)
                    + " every URL must be " + expected + "://host[:port], not " + url);
        }
        return expected + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    private static String required(String field, String value, String what) {
        if (value == null || value.isBlank() || value.length() > 1024) {
            throw DomainException.invalid(field, what + " is required (at most 1024 characters)");
        }
        return value.strip();
    }

    private static String filter(String field, String value, String preset) {
        if (value == null || value.isBlank()) {
            return preset;
        }
        String filter = value.strip();
        if (!filter.startsWith("(") || !filter.endsWith(")") || filter.length() > 1024) {
            throw DomainException.invalid(field, "An LDAP filter is written in parentheses, e.g. "
                    + preset + " (at most 1024 characters)");
        }
        return filter;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
