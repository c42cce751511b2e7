package dev.gatehouse.server.web.admin;

import dev.gatehouse.core.audit.AuditQueries;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.identitysource.IdentitySource;
import dev.gatehouse.core.identitysource.IdentitySource.Kind;
import dev.gatehouse.core.identitysource.IdentitySource.Provisioning;
import dev.gatehouse.core.identitysource.IdentitySource.UserClaim;
import dev.gatehouse.core.identitysource.IdentitySources;
import dev.gatehouse.core.identitysource.IdentitySources.ExternalOidc;
import dev.gatehouse.core.identitysource.IdentitySources.ExternalSaml;
import dev.gatehouse.core.identitysource.IdpMfa;
import dev.gatehouse.core.identitysource.SamlSettings;
import dev.gatehouse.server.http.RequestContexts;
import dev.gatehouse.server.idp.BackChannelLogoutApi;
import dev.gatehouse.server.idp.saml.IdpMetadata;
import dev.gatehouse.server.idp.saml.SamlRefused;
import dev.gatehouse.server.idp.saml.ServiceProvider;
import dev.gatehouse.server.web.Refusable;
import dev.gatehouse.server.web.Templates;
import dev.gatehouse.server.web.view.admin.AdminPaths;
import dev.gatehouse.server.web.view.admin.IdentitySourceForm;
import dev.gatehouse.server.web.view.admin.IdentitySourceView;
import dev.gatehouse.server.web.view.admin.IdentitySourceView.ServiceProviderUrls;
import dev.gatehouse.server.web.view.admin.IdentitySourceView.Setting;
import dev.gatehouse.server.web.view.admin.LdapSourceForm;
import dev.gatehouse.server.web.view.admin.SamlSourceForm;
import io.javalin.http.Context;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /admin/identity-source}: where people sign in, and the switch between the built-in directory, an external
 * OpenID Connect provider, a SAML 2.0 IdP (read from its metadata URL, as {@code set-external-saml
 * --metadata-url} reads it) and an LDAP directory ({@link LdapSourceForms}), through the same core service as {@code gatehouse-server admin identity-source} (audited
 * as {@code UpdateIdentitySource}, with the administrator as the actor). A switch ends every browser session, the
 * administrator's own too, so its answer is a page outside the console that says so.
 */
final class IdentitySourcePage {

    private static final String CALLBACK_PATH = "/signin/oidc/callback";
    private static final String SCIM_PATH = "/scim/v2";

    private final IdentitySources sources;
    private final Templates templates;
    private final String publicUrl;
    private final ServiceProvider serviceProvider;
    private final LdapSyncRows ldapSync;
    private final LdapSourceForms ldapForms;

    IdentitySourcePage(IdentitySources sources, AuditQueries audit, String publicUrl, Templates templates) {
        this.sources = sources;
        this.ldapSync = new LdapSyncRows(audit);
        this.publicUrl = publicUrl;
        this.serviceProvider = new ServiceProvider(publicUrl);
        this.templates = templates;
        this.ldapForms = new LdapSourceForms(sources, new LdapSourceForms.Page() {
            @Override
            public void show(Context ctx, Admin admin, int status, LdapSourceForm form, List<Setting> found,
                             Map<String, String> errors) {
                IdentitySource current = sources.current();
                IdentitySourcePage.this.show(ctx, admin, status, formOf(current), samlFormOf(current), form, found,
                        errors);
            }

            @Override
            public void changed(Context ctx, String source) {
                IdentitySourcePage.this.changed(ctx, source);
            }
        });
    }

    void mount(AdminRoutes routes) {
        routes.get(AdminPaths.IDENTITY_SOURCE, this::show);
        routes.post(AdminPaths.IDENTITY_SOURCE_EXTERNAL_OIDC, this::setExternalOidc);
        routes.post(AdminPaths.IDENTITY_SOURCE_EXTERNAL_SAML, this::setExternalSaml);
        routes.post(AdminPaths.IDENTITY_SOURCE_BUILT_IN, this::setBuiltIn);
        routes.post(AdminPaths.IDENTITY_SOURCE_LDAP, ldapForms::set);
        routes.post(AdminPaths.IDENTITY_SOURCE_LDAP_TEST, ldapForms::test);
    }

    private void show(Context ctx, Admin admin) {
        IdentitySource current = sources.current();
        show(ctx, admin, 200, formOf(current), samlFormOf(current), LdapSourceForms.formOf(current), List.of(),
                Map.of());
    }

    private void setExternalSaml(Context ctx, Admin admin) {
        SamlSourceForm form = new SamlSourceForm(Forms.text(ctx, "metadataUrl"), Forms.text(ctx, "samlUserClaim"),
                Forms.text(ctx, "samlProvisioning"), Forms.checked(ctx, "allowIdpInitiated"));
        IdentitySource changed = Refusable.call(() -> sources.setExternalSaml(samlSettings(form), admin.actor(),
                        RequestContexts.of(ctx)),
                refusal -> show(ctx, admin, 400, formOf(sources.current()), form,
                        LdapSourceForms.formOf(sources.current()), List.of(), SamlFields.of(refusal)));
        changed(ctx, "the SAML identity provider " + changed.issuer());
    }

    private void setExternalOidc(Context ctx, Admin admin) {
        IdentitySourceForm form = new IdentitySourceForm(Forms.text(ctx, "issuer"), Forms.text(ctx, "clientId"),
                Forms.text(ctx, "userClaim"), Forms.text(ctx, "provisioning"), Forms.text(ctx, "groupsClaim"),
                Forms.checked(ctx, "requireIdpMfa"), Forms.text(ctx, "mfaAcr"));
        String typedSecret = Forms.text(ctx, "clientSecret");
        IdentitySource changed = Refusable.call(() -> sources.setExternalOidc(settings(form,
                        secretOrKept(typedSecret, form)), admin.actor(), RequestContexts.of(ctx)),
                refusal -> show(ctx, admin, 400, form, samlFormOf(sources.current()),
                        LdapSourceForms.formOf(sources.current()), List.of(), FieldErrors.of(refusal)));
        changed(ctx, "the OpenID Connect provider " + changed.issuer());
    }

    private void setBuiltIn(Context ctx, Admin admin) {
        sources.setBuiltIn(admin.actor(), RequestContexts.of(ctx));
        changed(ctx, "the built-in directory (Gatehouse's own passwords and MFA)");
    }

    /** A blank secret keeps the current one, but only for the same provider and client: never sent elsewhere. */
    private String secretOrKept(String typed, IdentitySourceForm form) {
        IdentitySource current = sources.current();
        if (typed.isBlank() && current.kind() == Kind.EXTERNAL_OIDC && form.issuer().strip().equals(current.issuer())
                && form.clientId().strip().equals(current.clientId())) {
            return sources.clientSecret(current);
        }
        return typed;
    }

    /** Checked as the admin command checks its options, so both refuse the same input with the same field. */
    private static ExternalOidc settings(IdentitySourceForm form, String secret) {
        UserClaim claim;
        try {
            claim = UserClaim.ofClaimName(form.userClaim());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("userClaim", "The user claim must be preferred_username or email");
        }
        if (!form.provisioning().equals("scim") && !form.provisioning().equals("jit")) {
            throw DomainException.invalid("provisioning", "Provisioning must be SCIM or just-in-time");
        }
        List<String> acr = Forms.lines(form.mfaAcr());
        if (!acr.isEmpty() && !form.requireIdpMfa()) {
            throw DomainException.invalid("mfaAcr", "acr values count only when the provider's MFA is required");
        }
        IdpMfa idpMfa;
        try {
            idpMfa = form.requireIdpMfa() ? IdpMfa.required(acr) : IdpMfa.NOT_REQUIRED;
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("mfaAcr", "acr values: " + e.getMessage());
        }
        return new ExternalOidc(form.issuer(), form.clientId(), secret, claim,
                Provisioning.valueOf(form.provisioning().toUpperCase(Locale.ROOT)), form.groupsClaim(), idpMfa);
    }

    /** The IdP's entity id, SSO URL and certificates come from its metadata; nothing of it is typed by hand. */
    private static ExternalSaml samlSettings(SamlSourceForm form) {
        if (form.metadataUrl().isBlank()) {
            throw DomainException.invalid("metadataUrl", "The IdP's metadata URL is required");
        }
        UserClaim claim;
        try {
            claim = UserClaim.ofClaimName(form.userClaim());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("samlUserClaim", "The NameID must hold a preferred_username or an email");
        }
        if (!form.provisioning().equals("scim") && !form.provisioning().equals("jit")) {
            throw DomainException.invalid("samlProvisioning", "Provisioning must be SCIM or just-in-time");
        }
        IdpMetadata metadata;
        try {
            metadata = IdpMetadata.fetch(URI.create(form.metadataUrl().strip()));
        } catch (SamlRefused e) {
            throw DomainException.invalid("metadataUrl", "The IdP metadata cannot be used: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("metadataUrl", "Not a URL: " + e.getMessage());
        }
        return new ExternalSaml(metadata.entityId(), new SamlSettings(metadata.ssoUrl(),
                metadata.signingCertificates(), form.allowIdpInitiated(), null, form.metadataUrl().strip()), claim,
                Provisioning.valueOf(form.provisioning().toUpperCase(Locale.ROOT)), null, IdpMfa.NOT_REQUIRED);
    }

    /** Core's refusals of a SAML source are about what the metadata said, unless they name a field of the form. */
    private static final class SamlFields {
        static Map<String, String> of(DomainError error) {
            Map<String, String> errors = FieldErrors.of(error);
            String field = errors.keySet().iterator().next();
            return field.equals("samlUserClaim") || field.equals("samlProvisioning") ? errors
                    : Map.of("metadataUrl", errors.get(field));
        }
    }

    private void changed(Context ctx, String source) {
        templates.render(ctx, 200, "admin/identity-source-changed.jte", source);
    }

    private void show(Context ctx, Admin admin, int status, IdentitySourceForm form, SamlSourceForm samlForm,
                      LdapSourceForm ldapForm, List<Setting> ldapFound, Map<String, String> errors) {
        IdentitySource current = sources.current();
        templates.render(ctx, status, "admin/identity-source.jte", new IdentitySourceView(
                admin.frame("identity-source", ctx), describe(current), current.external(), settingsOf(current, ldapSync),
                publicUrl + CALLBACK_PATH, publicUrl + BackChannelLogoutApi.PATH, publicUrl + SCIM_PATH, form,
                new ServiceProviderUrls(serviceProvider.entityId(), serviceProvider.acsUrl(),
                        serviceProvider.sloUrl()), samlForm, current.kind() == Kind.LDAP, ldapForm, ldapFound,
                errors));
    }

    private static String describe(IdentitySource source) {
        return switch (source.kind()) {
            case BUILT_IN -> "Built-in directory";
            case EXTERNAL_OIDC -> "External OpenID Connect provider";
            case EXTERNAL_SAML -> "External SAML 2.0 identity provider";
            case LDAP -> "LDAP directory";
        };
    }

    private static List<Setting> settingsOf(IdentitySource source, LdapSyncRows ldapSync) {
        List<Setting> settings = new ArrayList<>();
        if (source.kind() == Kind.EXTERNAL_SAML) {
            settings.add(new Setting("IdP entity ID", source.issuer()));
            settings.add(new Setting("IdP sign-in (SSO) URL", source.saml().ssoUrl()));
            if (source.saml().metadataUrl() != null) {
                settings.add(new Setting("IdP metadata URL", source.saml().metadataUrl()));
            }
            settings.add(new Setting("IdP-initiated sign-in", source.saml().idpInitiatedAllowed() ? "allowed"
                    : "refused"));
        } else if (source.kind() == Kind.EXTERNAL_OIDC) {
            settings.add(new Setting("Issuer", source.issuer()));
            settings.add(new Setting("Client ID", source.clientId()));
            settings.add(new Setting("Client secret", "stored sealed, never shown"));
        } else if (source.kind() == Kind.LDAP) {
            settings.add(new Setting("Directory URLs (in failover order)", String.join(" ", source.ldap().urls())));
            settings.add(new Setting("Transport", source.ldap().transport().name().toLowerCase(Locale.ROOT)));
            settings.add(new Setting("Bind DN", source.ldap().bindDn()));
            settings.add(new Setting("Bind password", "stored sealed, never shown"));
            settings.add(new Setting("Users", source.ldap().userFilter() + " below " + source.ldap().userBaseDn()));
            settings.add(new Setting("Groups", source.ldap().groupFilter() + " below "
                    + source.ldap().groupBaseDn()));
            settings.add(new Setting("Schema", source.ldap().schema().preset().cliName()));
            settings.addAll(ldapSync.rows());
            return settings;
        } else {
            return settings;
        }
        settings.add(new Setting(source.kind() == Kind.EXTERNAL_SAML ? "The NameID holds" : "User claim",
                source.userClaim().claimName()));
        settings.add(new Setting("Provisioning", source.provisioning() == Provisioning.JIT
                ? "just-in-time (created and updated at sign-in)" : "SCIM (users must be provisioned first)"));
        if (source.groupsClaim() != null) {
            settings.add(new Setting("Groups claim", source.groupsClaim()));
        }
        settings.add(new Setting("Provider's MFA", !source.idpMfa().required() ? "not required"
                : "required" + (source.idpMfa().acrValues().isEmpty() ? ""
                : " (acr: " + String.join(", ", source.idpMfa().acrValues()) + ")")));
        return settings;
    }

    private static SamlSourceForm samlFormOf(IdentitySource source) {
        if (source.kind() != Kind.EXTERNAL_SAML) {
            return SamlSourceForm.EMPTY;
        }
        String metadataUrl = source.saml().metadataUrl();
        return new SamlSourceForm(metadataUrl == null ? "" : metadataUrl, source.userClaim().claimName(),
                source.provisioning().name().toLowerCase(Locale.ROOT), source.saml().idpInitiatedAllowed());
    }

    private static IdentitySourceForm formOf(IdentitySource source) {
        if (source.kind() != Kind.EXTERNAL_OIDC) {
            return IdentitySourceForm.EMPTY;
        }
        return new IdentitySourceForm(source.issuer(), source.clientId(), source.userClaim().claimName(),
                source.provisioning().name().toLowerCase(Locale.ROOT),
                source.groupsClaim() == null ? "" : source.groupsClaim(), source.idpMfa().required(),
                String.join(", ", source.idpMfa().acrValues()));
    }
}
