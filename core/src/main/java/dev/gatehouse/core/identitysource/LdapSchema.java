package dev.gatehouse.core.identitysource;

import java.util.Locale;

/**
 * Which directory attributes hold a user's and a group's fields. Two presets: OpenLDAP ({@code inetOrgPerson},
 * {@code groupOfNames}) and Active Directory.
 *
 * @param userId            the stable, never reused id of a user entry (survives renames)
 * @param userName          the name people sign in with
 * @param email             the mail address
 * @param givenName         the first name
 * @param familyName        the last name
 * @param displayName       the full name shown
 * @param groupId           the stable id of a group entry
 * @param groupName         the group's name
 * @param member            the group attribute listing its members' DNs (users and groups)
 * @param disabledAttribute the user attribute that says the account is disabled, or null when the directory has none
 * @param defaultUserFilter the user filter when the administrator gives none
 * @param defaultGroupFilter the group filter when the administrator gives none
 */
public record LdapSchema(Preset preset, String userId, String userName, String email, String givenName,
                         String familyName, String displayName, String groupId, String groupName, String member,
                         String disabledAttribute, String defaultUserFilter, String defaultGroupFilter) {

    public enum Preset {
        OPENLDAP, ACTIVE_DIRECTORY;

        public String cliName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * OpenLDAP: {@code entryUUID} as the id, {@code uid} to sign in; its {@code memberOf} is one level deep, so
     * Gatehouse resolves nesting itself from {@code member}. No disabled flag.
     */
    public static final LdapSchema OPENLDAP = new LdapSchema(Preset.OPENLDAP, "entryUUID", "uid", "mail",
            "givenName", "sn", "cn", "entryUUID", "cn", "member", null, "(objectClass=inetOrgPerson)",
            "(objectClass=groupOfNames)");

    /**
     * Active Directory: {@code objectGUID} as the id, {@code sAMAccountName} to sign in, bit 2 of
     * {@code userAccountControl} for a disabled account.
     */
    public static final LdapSchema ACTIVE_DIRECTORY = new LdapSchema(Preset.ACTIVE_DIRECTORY, "objectGUID",
            "sAMAccountName", "mail", "givenName", "sn", "displayName", "objectGUID", "cn", "member",
            "userAccountControl", "(&(objectCategory=person)(objectClass=user))", "(objectClass=group)");

    /**
     * The generalized-time attribute the directory updates at every change of an entry, read by incremental sync:
     * {@code modifyTimestamp} in OpenLDAP, {@code whenChanged} in Active Directory (like {@code uSNChanged}, kept
     * per domain controller, which the overlap of incremental reads and the hourly full pass cover).
     */
    public String changedAttribute() {
        return preset == Preset.ACTIVE_DIRECTORY ? "whenChanged" : "modifyTimestamp";
    }

    public static LdapSchema of(Preset preset) {
        return preset == Preset.ACTIVE_DIRECTORY ? ACTIVE_DIRECTORY : OPENLDAP;
    }

    public static Preset presetOfCliName(String name) {
        for (Preset preset : Preset.values()) {
            if (preset.cliName().equals(name)) {
                return preset;
            }
        }
        throw new IllegalArgumentException("the schema preset must be openldap or active-directory, not " + name);
    }
}
