package dev.gatehouse.server.admin;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.identitysource.IdentitySource;
import dev.gatehouse.core.identitysource.IdentitySource.Provisioning;
import dev.gatehouse.core.identitysource.IdentitySource.UserClaim;
import dev.gatehouse.core.identitysource.IdentitySources.ExternalOidc;
import dev.gatehouse.core.identitysource.IdentitySources.ExternalSaml;
import dev.gatehouse.core.identitysource.IdpMfa;
import dev.gatehouse.core.identitysource.SamlSettings;
import dev.gatehouse.server.idp.saml.IdpMetadata;
import dev.gatehouse.server.idp.saml.SamlRefused;
import dev.gatehouse.server.idp.saml.ServiceProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The identity source (docs/identity-sources.md): the built-in directory, an external OpenID Connect provider, or a
 * SAML 2.0 identity provider.
 * A change ends every browser session.
 */
@Command(name = "identity-source", description = "Show or change where people sign in.",
        subcommands = {LdapSourceCommands.SetLdap.class, LdapSourceCommands.TestLdap.class,
                LdapSourceCommands.Sync.class})
final class IdentitySourceCommands extends AdminSubcommand {

    @Command(name = "show", description = "Show the identity source (never the client secret).")
    void show() {
        IdentitySource source = core().identitySources().current();
        if (source.kind() == IdentitySource.Kind.LDAP) {
            LdapSourceCommands.show(source.ldap(), out());
            return;
        }
        if (!source.external()) {
            out().println("identity source: built-in directory");
            return;
        }
        if (source.kind() == IdentitySource.Kind.EXTERNAL_SAML) {
            showSaml(source);
            return;
        }
        out().println("identity source: external OIDC");
        out().println("issuer:          " + source.issuer());
        out().println("client id:       " + source.clientId());
        out().println("user claim:      " + source.userClaim().claimName());
        out().println("provisioning:    " + source.provisioning().name().toLowerCase(Locale.ROOT));
        if (source.groupsClaim() != null) {
            out().println("groups claim:    " + source.groupsClaim());
        }
        out().println("idp mfa:         " + (source.idpMfa().required() ? "required" : "not required")
                + (source.idpMfa().acrValues().isEmpty() ? "" : " (acr: " + String.join(" ",
                source.idpMfa().acrValues()) + ")"));
        out().println("redirect uri:    " + services().config().http().publicUrl() + "/signin/oidc/callback");
    }

    private void showSaml(IdentitySource source) {
        ServiceProvider sp = new ServiceProvider(services().config().http().publicUrl());
        out().println("identity source: external SAML");
        out().println("idp entity id:   " + source.issuer());
        out().println("idp sso url:     " + source.saml().ssoUrl());
        out().println("idp certificates: " + source.saml().signingCertificates().size() + " (SHA-256 "
                + String.join(", ", source.saml().signingCertificates().stream().map(IdentitySourceCommands::thumbprint)
                .toList()) + ")");
        if (source.saml().metadataUrl() != null) {
            out().println("metadata from:   " + source.saml().metadataUrl());
        }
        out().println("user from:       " + (source.saml().userAttribute() == null ? "NameID"
                : "attribute " + source.saml().userAttribute()) + ", matched as "
                + (source.userClaim() == UserClaim.EMAIL ? "email" : "user name"));
        out().println("idp-initiated:   " + (source.saml().idpInitiatedAllowed() ? "allowed" : "refused"));
        out().println("provisioning:    " + source.provisioning().name().toLowerCase(Locale.ROOT));
        if (source.groupsClaim() != null) {
            out().println("groups attribute: " + source.groupsClaim());
        }
        out().println("idp mfa:         " + (source.idpMfa().required() ? "required" : "not required"));
        out().println("sp entity id:    " + sp.entityId());
        out().println("sp acs url:      " + sp.acsUrl());
        out().println("sp slo url:      " + sp.sloUrl());
    }

    private static String thumbprint(String certificate) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(
                    java.util.Base64.getDecoder().decode(certificate));
            return java.util.HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest, 0, 8) + "…";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Command(name = "set-external-saml", description = "Sign in through a SAML 2.0 identity provider, its settings "
            + "read from its metadata. Ends every browser session.")
    void setExternalSaml(
            @Option(names = "--metadata-url", description = "the IdP's metadata URL") String metadataUrl,
            @Option(names = "--metadata-file", description = "the IdP's metadata, downloaded") Path metadataFile,
            @Option(names = "--user-attribute", description = "the attribute naming the user (default: the NameID)")
            String userAttribute,
            @Option(names = "--user-claim", defaultValue = "preferred_username", description = "what the NameID or "
                    + "attribute holds: preferred_username (a user name, default) or email") String userClaim,
            @Option(names = "--provisioning", defaultValue = "scim",
                    description = "scim (default: users must exist) or jit (created and updated at sign-in)")
            String provisioning,
            @Option(names = "--groups-attribute", description = "jit only: the attribute listing the person's "
                    + "groups") String groupsAttribute,
            @Option(names = "--allow-idp-initiated", description = "accept sign-ins started at the IdP (no "
                    + "InResponseTo)") boolean allowIdpInitiated,
            @Option(names = "--require-idp-mfa", description = "refuse a sign-in whose AuthnContextClassRef is not "
                    + "one of --mfa-acr") boolean requireIdpMfa,
            @Option(names = "--mfa-acr", split = ",", description = "AuthnContextClassRef values that count as MFA")
            List<String> mfaAcr) {
        if ((metadataUrl == null) == (metadataFile == null)) {
            throw DomainException.invalid("metadata", "Give one of --metadata-url or --metadata-file");
        }
        IdpMetadata metadata;
        try {
            metadata = metadataUrl != null ? IdpMetadata.fetch(java.net.URI.create(metadataUrl))
                    : IdpMetadata.parse(Files.readAllBytes(metadataFile));
        } catch (SamlRefused e) {
            throw DomainException.invalid("metadata", "The IdP metadata cannot be used: " + e.getMessage());
        } catch (IOException | IllegalArgumentException e) {
            throw DomainException.invalid("metadata", "Cannot read the metadata: " + e.getMessage());
        }
        UserClaim claim = userClaim(userClaim);
        IdpMfa idpMfa = idpMfa(requireIdpMfa, mfaAcr);
        IdentitySource source = core().identitySources().setExternalSaml(new ExternalSaml(metadata.entityId(),
                new SamlSettings(metadata.ssoUrl(), metadata.signingCertificates(), allowIdpInitiated,
                        userAttribute, metadataUrl), claim, provisioning(provisioning), groupsAttribute, idpMfa),
                AdminCommand.actor(), AdminCommand.context());
        ServiceProvider sp = new ServiceProvider(services().config().http().publicUrl());
        out().println("identity source: external SAML " + source.issuer() + " (browser sessions ended)");
        out().println("sp entity id:    " + sp.entityId());
        out().println("sp acs url:      " + sp.acsUrl());
        out().println("sp slo url:      " + sp.sloUrl());
    }

    private static UserClaim userClaim(String userClaim) {
        try {
            return UserClaim.ofClaimName(userClaim);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("userClaim", "--user-claim must be preferred_username or email");
        }
    }

    private static Provisioning provisioning(String provisioning) {
        if (!provisioning.equals("scim") && !provisioning.equals("jit")) {
            throw DomainException.invalid("provisioning", "--provisioning must be scim or jit");
        }
        return Provisioning.valueOf(provisioning.toUpperCase(Locale.ROOT));
    }

    private static IdpMfa idpMfa(boolean requireIdpMfa, List<String> mfaAcr) {
        if (mfaAcr != null && !requireIdpMfa) {
            throw DomainException.invalid("mfaAcr", "--mfa-acr goes with --require-idp-mfa");
        }
        try {
            return requireIdpMfa ? IdpMfa.required(mfaAcr) : IdpMfa.NOT_REQUIRED;
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("mfaAcr", "--mfa-acr: " + e.getMessage());
        }
    }

    @Command(name = "set-builtin", description = "Sign in with Gatehouse's own users, passwords and MFA. Ends every "
            + "browser session.")
    void setBuiltIn() {
        core().identitySources().setBuiltIn(AdminCommand.actor(), AdminCommand.context());
        out().println("identity source: built-in directory (browser sessions ended)");
    }

    @Command(name = "set-external-oidc", description = "Sign in through an OpenID Connect provider (authorization "
            + "code flow with PKCE). Ends every browser session.")
    void setExternalOidc(
            @Option(names = "--issuer", required = true, description = "the provider's issuer URL") String issuer,
            @Option(names = "--client-id", required = true) String clientId,
            @Option(names = "--client-secret-file", required = true,
                    description = "a file holding the client secret") Path secretFile,
            @Option(names = "--user-claim", defaultValue = "preferred_username",
                    description = "preferred_username (default) or email") String userClaim,
            @Option(names = "--provisioning", defaultValue = "scim",
                    description = "scim (default: users must exist) or jit (created and updated at sign-in)")
            String provisioning,
            @Option(names = "--groups-claim", description = "jit only: the ID-token claim listing the person's "
                    + "groups (e.g. groups); their memberships follow it at every sign-in") String groupsClaim,
            @Option(names = "--require-idp-mfa", description = "refuse a sign-in whose amr/acr does not show a "
                    + "second factor at the provider") boolean requireIdpMfa,
            @Option(names = "--mfa-acr", split = ",", description = "acr values that count as MFA (e.g. "
                    + "urn:okta:loa:2fa:any), besides an amr naming mfa, otp, hwk, ...") List<String> mfaAcr) {
        String secret;
        try {
            secret = Files.readString(secretFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw DomainException.invalid("clientSecretFile", "Cannot read " + secretFile + ": " + e.getMessage());
        }
        UserClaim claim;
        Provisioning mode;
        try {
            claim = UserClaim.ofClaimName(userClaim);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("userClaim", "--user-claim must be preferred_username or email");
        }
        if (!provisioning.equals("scim") && !provisioning.equals("jit")) {
            throw DomainException.invalid("provisioning", "--provisioning must be scim or jit");
        }
        mode = Provisioning.valueOf(provisioning.toUpperCase(Locale.ROOT));
        if (mfaAcr != null && !requireIdpMfa) {
            throw DomainException.invalid("mfaAcr", "--mfa-acr goes with --require-idp-mfa");
        }
        IdpMfa idpMfa;
        try {
            idpMfa = requireIdpMfa ? IdpMfa.required(mfaAcr) : IdpMfa.NOT_REQUIRED;
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("mfaAcr", "--mfa-acr: " + e.getMessage());
        }
        IdentitySource source = core().identitySources().setExternalOidc(new ExternalOidc(issuer, clientId, secret,
                claim, mode, groupsClaim, idpMfa), AdminCommand.actor(), AdminCommand.context());
        out().println("identity source: external OIDC " + source.issuer() + " (browser sessions ended)");
        out().println("redirect uri:    " + services().config().http().publicUrl() + "/signin/oidc/callback");
    }
}
