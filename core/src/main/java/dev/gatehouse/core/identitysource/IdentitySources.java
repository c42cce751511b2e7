package dev.gatehouse.core.identitysource;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.EventSource;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.identitysource.IdentitySource.Kind;
import dev.gatehouse.core.identitysource.IdentitySource.Provisioning;
import dev.gatehouse.core.identitysource.IdentitySource.UserClaim;
import dev.gatehouse.core.keys.SecretSealer;
import dev.gatehouse.core.session.SessionRepository;
import dev.gatehouse.core.storage.Transactions;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The identity source setting: read on every sign-in, changed by an administrator. A change is audited and ends
 * every browser session, since they were started under the old source. The OIDC client secret is sealed with the
 * instance's sealing keys; so is the short-lived state a browser carries through the provider's sign-in.
 */
public final class IdentitySources {

    /** Associated data of the sealed client secret, so a sealed MFA secret cannot pass for it. */
    private static final String CLIENT_SECRET = "identity-source:oidc-client-secret";
    private static final String SIGN_IN_STATE = "identity-source:oidc-sign-in-state";
    private static final String BIND_PASSWORD = "identity-source:ldap-bind-password";

    private static final DomainError LOGOUT_REFUSED = new DomainError.AccessDenied(
            "The identity provider's logout message could not be verified.");

    private final IdentitySourceRepository sources;
    private final SessionRepository sessions;
    private final Transactions transactions;
    private final Clock clock;
    private final AuditLog audit;
    private final Supplier<SecretSealer> sealers;

    public IdentitySources(IdentitySourceRepository sources, SessionRepository sessions, Transactions transactions,
                           Clock clock, AuditLog audit, Supplier<SecretSealer> sealers) {
        this.sources = sources;
        this.sessions = sessions;
        this.transactions = transactions;
        this.clock = clock;
        this.audit = audit;
        this.sealers = sealers;
    }

    /** The source in force: the built-in directory unless an administrator chose another. */
    public IdentitySource current() {
        return sources.find().orElseGet(() -> IdentitySource.builtIn(Instant.EPOCH));
    }

    /** The external source's client secret, unsealed. */
    public String clientSecret(IdentitySource source) {
        if (source.kind() != Kind.EXTERNAL_OIDC) {
            throw new IllegalArgumentException("only an OpenID Connect provider has a client secret");
        }
        return new String(sealers.get().unseal(source.sealedClientSecret(), CLIENT_SECRET), StandardCharsets.UTF_8);
    }

    public IdentitySource setBuiltIn(Actor actor, RequestContext context) {
        return change(IdentitySource.builtIn(clock.instant()), actor, context);
    }

    /** What an administrator enters to make an OpenID Connect provider the source. */
    public record ExternalOidc(String issuer, String clientId, String clientSecret, UserClaim userClaim,
                               Provisioning provisioning, String groupsClaim, IdpMfa idpMfa) {
    }

    public IdentitySource setExternalOidc(String issuer, String clientId, String clientSecret, UserClaim userClaim,
                                          Provisioning provisioning, Actor actor, RequestContext context) {
        return setExternalOidc(new ExternalOidc(issuer, clientId, clientSecret, userClaim, provisioning, null,
                IdpMfa.NOT_REQUIRED), actor, context);
    }

    public IdentitySource setExternalOidc(ExternalOidc settings, Actor actor, RequestContext context) {
        String checkedIssuer = checkedIssuer(settings.issuer());
        if (settings.clientId() == null || settings.clientId().isBlank()) {
            throw DomainException.invalid("clientId", "A client id is required");
        }
        if (settings.clientSecret() == null || settings.clientSecret().isBlank()) {
            throw DomainException.invalid("clientSecret", "A client secret is required");
        }
        Provisioning provisioning = settings.provisioning() == null ? Provisioning.SCIM : settings.provisioning();
        String groupsClaim = checkedGroupsClaim(settings.groupsClaim(), provisioning);
        String sealed = sealers.get().seal(settings.clientSecret().strip().getBytes(StandardCharsets.UTF_8),
                CLIENT_SECRET);
        return change(new IdentitySource(Kind.EXTERNAL_OIDC, checkedIssuer, settings.clientId().strip(), sealed,
                settings.userClaim() == null ? UserClaim.PREFERRED_USERNAME : settings.userClaim(), provisioning,
                groupsClaim, settings.idpMfa(), clock.instant()), actor, context);
    }

    /**
     * What an administrator enters, mostly read from the IdP's metadata, to make a SAML 2.0 identity provider the
     * source. The user claim says whether the NameID (or {@code userAttribute}) holds a user name or an email.
     */
    public record ExternalSaml(String entityId, SamlSettings saml, UserClaim userClaim, Provisioning provisioning,
                               String groupsAttribute, IdpMfa idpMfa) {
    }

    public IdentitySource setExternalSaml(ExternalSaml settings, Actor actor, RequestContext context) {
        String entityId = settings.entityId() == null ? "" : settings.entityId().strip();
        if (entityId.isEmpty() || entityId.length() > 1024) {
            throw DomainException.invalid("entityId", "The IdP's entity id is required (at most 1024 characters)");
        }
        SamlSettings saml = settings.saml();
        String ssoUrl = checkedUrl("ssoUrl", saml.ssoUrl(), "The IdP's single sign-on URL");
        if (saml.signingCertificates().isEmpty()) {
            throw DomainException.invalid("signingCertificates", "The IdP's signing certificate is required: "
                    + "Gatehouse accepts only responses or assertions it signed");
        }
        List<String> certificates = saml.signingCertificates().stream().map(SamlCertificates::normalized).toList();
        String userAttribute = saml.userAttribute() == null || saml.userAttribute().isBlank() ? null
                : checkedName("userAttribute", saml.userAttribute());
        Provisioning provisioning = settings.provisioning() == null ? Provisioning.SCIM : settings.provisioning();
        String groupsAttribute = checkedGroupsClaim(settings.groupsAttribute(), provisioning);
        return change(new IdentitySource(Kind.EXTERNAL_SAML, entityId, null, null,
                settings.userClaim() == null ? UserClaim.PREFERRED_USERNAME : settings.userClaim(), provisioning,
                groupsAttribute, settings.idpMfa(), clock.instant(), new SamlSettings(ssoUrl,
                certificates, saml.idpInitiatedAllowed(), userAttribute, saml.metadataUrl())),
                actor, context);
    }

    /** The LDAP source's bind password, unsealed. */
    public String bindPassword(IdentitySource source) {
        if (source.kind() != Kind.LDAP) {
            throw new IllegalArgumentException("only an LDAP source has a bind password");
        }
        return new String(sealers.get().unseal(source.sealedClientSecret(), BIND_PASSWORD), StandardCharsets.UTF_8);
    }

    /** Makes an LDAP directory the source ({@link LdapSettingsCheck} says what is accepted). */
    public IdentitySource setLdap(LdapSettings settings, String bindPassword, Actor actor, RequestContext context) {
        LdapSettings checked = LdapSettingsCheck.checked(settings);
        if (bindPassword == null || bindPassword.isEmpty()) {
            throw DomainException.invalid("bindPassword", "The bind account's password is required");
        }
        String sealed = sealers.get().seal(bindPassword.getBytes(StandardCharsets.UTF_8), BIND_PASSWORD);
        return change(new IdentitySource(Kind.LDAP, null, null, sealed, null, null, null, IdpMfa.NOT_REQUIRED,
                clock.instant(), null, checked), actor, context);
    }

    /** Records which user the provider's subject signed in as, for the provider's logout. */
    public void rememberSubject(String issuer, String subject, String userId) {
        sources.rememberSubject(issuer, subject, userId, clock.instant());
    }

    /**
     * The provider's back-channel logout: it says its subject signed out (or was disabled there), so every session
     * of the user that subject signed in as ends now, browser and CLI alike, since all of them rest on the
     * provider's word. Audited as {@code Logout}; a subject Gatehouse never saw ends nothing. Returns how many
     * sessions ended.
     */
    public int endSessionsOfSubject(String issuer, String subject, RequestContext context) {
        return transactions.inTransaction(() -> {
            Optional<String> userId = sources.userOfSubject(issuer, subject);
            int ended = userId.map(id -> sessions.revokeAllOf(id, clock.instant())).orElse(0);
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("issuer", issuer);
            parameters.put("subject", subject);
            parameters.put("reason", "identity provider back-channel logout");
            userId.ifPresent(id -> parameters.put("userId", id));
            audit.as(Actor.identityProvider(issuer), EventSource.SIGN_IN, context).success("Logout", parameters,
                    Map.of("sessionsEnded", ended));
            return ended;
        });
    }

    /**
     * Audits a logout message from the provider that was refused (forged, replayed, expired, misaddressed…);
     * nothing ends. The reason is Gatehouse's own words, never the message.
     */
    public void refuseLogout(String reason, RequestContext context) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("identitySourceType", current().kind().name());
        parameters.put("reason", reason);
        transactions.run(() -> audit.as(Actor.unknown(null), EventSource.SIGN_IN, context).failure("Logout",
                parameters, LOGOUT_REFUSED));
    }

    /** Seals what a browser carries through the provider's sign-in (state, nonce, PKCE verifier, next). */
    public String sealSignInState(String payload) {
        return sealers.get().seal(payload.getBytes(StandardCharsets.UTF_8), SIGN_IN_STATE);
    }

    /** Empty when the text was not sealed by us for this purpose, or was altered. */
    public Optional<String> openSignInState(String sealed) {
        if (sealed == null || sealed.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(sealers.get().unseal(sealed, SIGN_IN_STATE), StandardCharsets.UTF_8));
        } catch (IllegalStateException notOurs) {
            return Optional.empty();
        }
    }

    private IdentitySource change(IdentitySource next, Actor actor, RequestContext context) {
        return transactions.inTransaction(() -> {
            IdentitySource before = current();
            sources.put(next);
            int ended = sessions.revokeAllBrowser(next.updatedAt());
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("identitySourceType", next.kind().name());
            if (next.kind() == Kind.EXTERNAL_SAML) {
                parameters.put("entityId", next.issuer());
                parameters.put("ssoUrl", next.saml().ssoUrl());
                parameters.put("idpInitiatedAllowed", next.saml().idpInitiatedAllowed());
                parameters.put("userAttribute", next.saml().userAttribute() == null ? "NameID"
                        : next.saml().userAttribute());
            }
            if (next.kind() == Kind.LDAP) {
                parameters.put("urls", next.ldap().urls());
                parameters.put("transport", next.ldap().transport().name());
                parameters.put("bindDn", next.ldap().bindDn());
                parameters.put("userBaseDn", next.ldap().userBaseDn());
                parameters.put("groupBaseDn", next.ldap().groupBaseDn());
                parameters.put("schema", next.ldap().schema().preset().name());
            }
            if (next.external()) {
                if (next.kind() == Kind.EXTERNAL_OIDC) {
                    parameters.put("issuer", next.issuer());
                    parameters.put("clientId", next.clientId());
                }
                parameters.put("userClaim", next.userClaim().claimName());
                parameters.put("provisioning", next.provisioning().name());
                if (next.groupsClaim() != null) {
                    parameters.put("groupsClaim", next.groupsClaim());
                }
                parameters.put("requireIdpMfa", next.idpMfa().required());
            }
            audit.as(actor, EventSource.SSO_ADMIN, context).success("UpdateIdentitySource", parameters,
                    Map.of("previousIdentitySourceType", before.kind().name(), "browserSessionsEnded", ended));
            return next;
        });
    }

    /** Groups come from the provider only when it also creates the users; a claim name is a short token. */
    private static String checkedGroupsClaim(String claim, Provisioning provisioning) {
        if (claim == null || claim.isBlank()) {
            return null;
        }
        if (provisioning != Provisioning.JIT) {
            throw DomainException.invalid("groupsClaim", "A groups claim applies to just-in-time provisioning "
                    + "only; with SCIM, groups come from the provider's SCIM client");
        }
        return checkedName("groupsClaim", claim);
    }

    /** A claim or attribute name: a short token (SAML attribute names are often URIs). */
    private static String checkedName(String field, String claim) {
        String name = claim.strip();
        if (name.length() > 256 || !name.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw DomainException.invalid(field, "A claim or attribute name is at most 256 printable ASCII "
                    + "characters without spaces");
        }
        return name;
    }

    /** https, or http on a loopback address (a provider on the same machine, as in tests). */
    private static String checkedIssuer(String issuer) {
        return checkedUrl("issuer", issuer, "The issuer");
    }

    private static String checkedUrl(String field, String url, String what) {
        try {
            URI uri = new URI(url == null ? "" : url.strip());
            String host = uri.getHost();
            boolean loopback = "127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host);
            if (host == null || uri.getQuery() != null || uri.getFragment() != null
                    || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()) && loopback)) {
                throw DomainException.invalid(field, what + " must be an https URL (http only on loopback), "
                        + "without query or fragment");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw DomainException.invalid(field, what + " is not a URL: " + e.getMessage());
        }
    }
}
