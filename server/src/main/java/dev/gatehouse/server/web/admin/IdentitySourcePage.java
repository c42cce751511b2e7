package dev.gatehouse.server.web.admin;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.identitysource.IdentitySource;
import dev.gatehouse.core.identitysource.IdentitySource.Kind;
import dev.gatehouse.core.identitysource.IdentitySource.Provisioning;
import dev.gatehouse.core.identitysource.IdentitySource.UserClaim;
import dev.gatehouse.core.identitysource.IdentitySources;
import dev.gatehouse.core.identitysource.IdentitySources.ExternalOidc;
import dev.gatehouse.core.identitysource.IdpMfa;
import dev.gatehouse.server.http.RequestContexts;
import dev.gatehouse.server.idp.BackChannelLogoutApi;
import dev.gatehouse.server.web.Refusable;
import dev.gatehouse.server.web.Templates;
import dev.gatehouse.server.web.view.admin.AdminPaths;
import dev.gatehouse.server.web.view.admin.IdentitySourceForm;
import dev.gatehouse.server.web.view.admin.IdentitySourceView;
import dev.gatehouse.server.web.view.admin.IdentitySourceView.Setting;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /admin/identity-source}: where people sign in, and the switch between the built-in directory and an external
 * OpenID Connect provider, through the same core service as {@code gatehouse-server admin identity-source} (audited
 * as {@code UpdateIdentitySource}, with the administrator as the actor). A switch ends every browser session, the
 * administrator's own too, so its answer is a page outside the console that says so.
 */
final class IdentitySourcePage {

    private static final String CALLBACK_PATH = "/signin/oidc/callback";
    private static final String SCIM_PATH = "/scim/v2";

    private final IdentitySources sources;
    private final Templates templates;
    private final String publicUrl;

    IdentitySourcePage(IdentitySources sources, String publicUrl, Templates templates) {
        this.sources = sources;
        this.publicUrl = publicUrl;
        this.templates = templates;
    }

    void mount(AdminRoutes routes) {
        routes.get(AdminPaths.IDENTITY_SOURCE, this::show);
        routes.post(AdminPaths.IDENTITY_SOURCE_EXTERNAL_OIDC, this::setExternalOidc);
        routes.post(AdminPaths.IDENTITY_SOURCE_BUILT_IN, this::setBuiltIn);
    }

    private void show(Context ctx, Admin admin) {
        show(ctx, admin, 200, formOf(sources.current()), Map.of());
    }

    private void setExternalOidc(Context ctx, Admin admin) {
        IdentitySourceForm form = new IdentitySourceForm(Forms.text(ctx, "issuer"), Forms.text(ctx, "clientId"),
                Forms.text(ctx, "userClaim"), Forms.text(ctx, "provisioning"), Forms.text(ctx, "groupsClaim"),
                Forms.checked(ctx, "requireIdpMfa"), Forms.text(ctx, "mfaAcr"));
        String typedSecret = Forms.text(ctx, "clientSecret");
        IdentitySource changed = Refusable.call(() -> sources.setExternalOidc(settings(form,
                        secretOrKept(typedSecret, form)), admin.actor(), RequestContexts.of(ctx)),
                refusal -> show(ctx, admin, 400, form, FieldErrors.of(refusal)));
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

    private void changed(Context ctx, String source) {
        templates.render(ctx, 200, "admin/identity-source-changed.jte", source);
    }

    private void show(Context ctx, Admin admin, int status, IdentitySourceForm form, Map<String, String> errors) {
        IdentitySource current = sources.current();
        templates.render(ctx, status, "admin/identity-source.jte", new IdentitySourceView(
                admin.frame("identity-source", ctx), describe(current), current.external(), settingsOf(current),
                publicUrl + CALLBACK_PATH, publicUrl + BackChannelLogoutApi.PATH, publicUrl + SCIM_PATH, form,
                errors));
    }

    private static String describe(IdentitySource source) {
        if (source.kind() == Kind.BUILT_IN) {
            return "Built-in directory";
        }
        return source.kind() == Kind.EXTERNAL_OIDC ? "External OpenID Connect provider"
                : source.kind() == Kind.EXTERNAL_SAML ? "External SAML 2.0 provider" : source.kind().name();
    }

    private static List<Setting> settingsOf(IdentitySource source) {
        List<Setting> settings = new ArrayList<>();
        if (source.kind() == Kind.EXTERNAL_SAML && source.saml() != null) {
            // Set with `admin identity-source set-external-saml`; shown here, and switched away from below.
            settings.add(new Setting("Entity ID", source.issuer()));
            settings.add(new Setting("Single sign-on URL", source.saml().ssoUrl()));
            return settings;
        }
        if (source.kind() != Kind.EXTERNAL_OIDC) {
            return settings;
        }
        settings.add(new Setting("Issuer", source.issuer()));
        settings.add(new Setting("Client ID", source.clientId()));
        settings.add(new Setting("Client secret", "stored sealed, never shown"));
        settings.add(new Setting("User claim", source.userClaim().claimName()));
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
