package dev.gatehouse.server.web.view.admin;

import java.util.List;
import java.util.Map;

/**
 * The identity source page: the source in force, what to enter at a provider, and the forms that switch.
 *
 * @param source               the source in force, as a person reads it (e.g. "Built-in directory")
 * @param external             whether an external provider signs people in now (so switching back is offered)
 * @param settings             the current source's settings, label and value, never the client secret
 * @param redirectUri          what to register at the provider as Gatehouse's redirect URI
 * @param backChannelLogoutUri what to register at the provider for back-channel logout
 * @param scimUrl              the SCIM endpoint the provider's provisioning calls
 * @param form                 the external OIDC form, as typed (or the current settings)
 * @param sp                   what to enter at a SAML IdP about Gatehouse, the service provider
 * @param samlForm             the external SAML form, as typed (or the current settings)
 * @param ldap                 whether an LDAP directory is the source (its bind password may be left empty)
 * @param ldapForm             the LDAP form, as typed (or the current settings)
 * @param ldapFound            what "Test connection" found in the directory, or empty before a test
 * @param errors               core's refusals by field name
 */
public record IdentitySourceView(AdminFrame frame, String source, boolean external, List<Setting> settings,
                                 String redirectUri, String backChannelLogoutUri, String scimUrl,
                                 IdentitySourceForm form, ServiceProviderUrls sp, SamlSourceForm samlForm,
                                 boolean ldap, LdapSourceForm ldapForm, List<Setting> ldapFound,
                                 Map<String, String> errors) {

    /** Gatehouse as a SAML service provider: its entity id (also its metadata URL), ACS and logout URLs. */
    public record ServiceProviderUrls(String entityId, String acsUrl, String sloUrl) { }

    public record Setting(String label, String value) { }
}
