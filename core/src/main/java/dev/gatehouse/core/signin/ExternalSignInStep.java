package dev.gatehouse.core.signin;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.Auditor;
import dev.gatehouse.core.audit.EventSource;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.GroupRepository;
import dev.gatehouse.core.directory.IdentityStoreService;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.directory.UserRepository;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.identitysource.IdentitySource;
import dev.gatehouse.core.identitysource.IdentitySource.Kind;
import dev.gatehouse.core.identitysource.IdentitySource.Provisioning;
import dev.gatehouse.core.identitysource.IdentitySource.UserClaim;
import dev.gatehouse.core.identitysource.IdentitySources;
import dev.gatehouse.core.storage.Transactions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The first step when an external OpenID Connect provider is the identity source. The server's adapter has
 * verified the provider's ID token (signature, issuer, audience, expiry, nonce); this step finds the Gatehouse user
 * the configured claim names, ignoring case, and hands them to {@link MfaGate}, which asks for no second factor of
 * its own: the provider authenticated the person, with whatever MFA it requires (and Gatehouse may demand that it
 * showed one, {@code IdpMfa}). With just-in-time provisioning, {@link JustInTimeUsers} creates or updates the user
 * first, in the same transaction as the session. Every outcome is audited as
 * {@code UserAuthentication} with {@code credentialType} {@value #EXTERNAL_OIDC} or, for a SAML IdP, whose verified
 * assertion comes in the same shape, {@value #EXTERNAL_SAML}.
 */
public final class ExternalSignInStep {

    public static final String EXTERNAL_OIDC = "EXTERNAL_OIDC";
    /** A SAML IdP's verified assertion: the acr is its AuthnContextClassRef, the subject its NameID. */
    public static final String EXTERNAL_SAML = "EXTERNAL_SAML";

    static final DomainError OFF_SITE_REDIRECT = new DomainError.InvalidInput("RelayState",
            "Only a path on this site is followed after sign-in.");
    static final DomainError NOT_VERIFIED = new DomainError.AccessDenied("The answer from your identity provider "
            + "could not be verified, so you are not signed in. Start the sign-in again.");

    /** Who the provider says signed in, from a verified ID token. */
    public record ExternalIdentity(String issuer, String subject, UserClaim claim, String claimValue,
                                   List<String> amr, String acr, ExternalProfile profile) {

        public ExternalIdentity(String issuer, String subject, UserClaim claim, String claimValue, List<String> amr,
                                String acr) {
            this(issuer, subject, claim, claimValue, amr, acr, ExternalProfile.NONE);
        }
    }

    static final DomainError MFA_NOT_SHOWN = new DomainError.AccessDenied("Gatehouse requires that your identity "
            + "provider asks for a second factor, and this sign-in did not show one. Sign in again with MFA, or ask "
            + "your administrator to set up MFA for you at the identity provider.");

    private final UserRepository users;
    private final IdentitySources sources;
    private final JustInTimeUsers justInTimeUsers;
    private final Transactions transactions;
    private final AuditLog audit;
    private final MfaGate mfaGate;

    public ExternalSignInStep(UserRepository users, GroupRepository groups, IdentityStoreService identityStore,
                              IdentitySources sources, Transactions transactions, AuditLog audit, MfaGate mfaGate) {
        this.users = users;
        this.sources = sources;
        this.justInTimeUsers = new JustInTimeUsers(users, groups, identityStore);
        this.transactions = transactions;
        this.audit = audit;
        this.mfaGate = mfaGate;
    }

    public SignInOutcome signIn(ExternalIdentity identity, RequestContext context) {
        String name = identity.claimValue() == null ? "" : identity.claimValue().strip();
        IdentitySource source = sources.current();
        Map<String, Object> credential = credential(name, identity, source.kind());
        if (!source.idpMfa().satisfiedBy(identity.amr(), identity.acr())) {
            throw failure(Actor.unknown(name), credential, MFA_NOT_SHOWN, context);
        }
        List<User> found = find(name, identity.claim());
        boolean justInTime = source.provisioning() == Provisioning.JIT && !name.isEmpty() && found.size() <= 1;
        if (found.size() != 1 && !justInTime) {
            DomainError error = new DomainError.AccessDenied(found.isEmpty()
                    ? "Your identity provider signed you in as " + name + ", but Gatehouse has no user with that "
                            + identity.claim().claimName() + ". Ask your administrator to provision your account."
                    : "More than one Gatehouse user has the email " + name + ". Ask your administrator.");
            throw failure(Actor.unknown(name), credential, error, context);
        }
        if (justInTime && found.isEmpty() && !JustInTimeUsers.canCreate(identity)) {
            throw failure(Actor.unknown(name), credential, JustInTimeUsers.NO_EMAIL, context);
        }
        if (!found.isEmpty() && !found.getFirst().enabled()) {
            throw disabled(found.getFirst(), credential, context);
        }
        return transactions.inTransaction(() -> {
            User user = justInTime ? justInTimeUsers.provision(name, found, identity, context) : found.getFirst();
            if (identity.subject() != null) {
                sources.rememberSubject(identity.issuer(), identity.subject(), user.userId());
            }
            Auditor auditor = audit.as(Actor.user(user.userId(), user.userName()), EventSource.SIGN_IN, context);
            auditor.success("CredentialVerification", credential, Map.of("result", "Success"));
            return mfaGate.afterExternalAuthentication(user, credential, context);
        });
    }

    private List<User> find(String name, UserClaim claim) {
        return name.isEmpty() ? List.of() : switch (claim) {
            case PREFERRED_USERNAME -> users.findByUserName(name).stream().toList();
            case EMAIL -> users.withEmail(name);
        };
    }

    private DomainException disabled(User user, Map<String, Object> credential, RequestContext context) {
        return failure(Actor.user(user.userId(), user.userName()), credential, new DomainError.AccessDenied(
                "Your Gatehouse user " + user.userName() + " is disabled. Contact your administrator."), context);
    }

    /**
     * A provider answer that did not verify (signature, audience, expiry, state or nonce): audited with the
     * reason; the returned refusal is what the person is shown, which does not repeat the reason.
     */
    public DomainException refuse(String reason, RequestContext context) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("credentialType", sources.current().kind() == Kind.EXTERNAL_SAML ? EXTERNAL_SAML
                : EXTERNAL_OIDC);
        parameters.put("reason", reason);
        Auditor auditor = audit.as(Actor.unknown(null), EventSource.SIGN_IN, context);
        transactions.run(() -> {
            auditor.failure("CredentialVerification", parameters, NOT_VERIFIED);
            auditor.failure("UserAuthentication", parameters, NOT_VERIFIED);
        });
        return new DomainException(NOT_VERIFIED);
    }

    /**
     * A return address pointing off this site (RelayState is not signed, anyone can set it) is never followed; the
     * refusal is audited so an attempted open redirect shows up even though the sign-in itself goes on to the portal.
     */
    public void refuseRedirect(String target, RequestContext context) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("credentialType", sources.current().kind() == Kind.EXTERNAL_SAML ? EXTERNAL_SAML
                : EXTERNAL_OIDC);
        parameters.put("target", target.length() > 200 ? target.substring(0, 200) : target);
        Auditor auditor = audit.as(Actor.unknown(null), EventSource.SIGN_IN, context);
        transactions.run(() -> auditor.failure("RedirectAfterSignIn", parameters, OFF_SITE_REDIRECT));
    }

    private DomainException failure(Actor actor, Map<String, Object> credential, DomainError error,
                                    RequestContext context) {
        Auditor auditor = audit.as(actor, EventSource.SIGN_IN, context);
        transactions.run(() -> {
            auditor.success("CredentialVerification", credential, Map.of("result", "Success"));
            auditor.failure("UserAuthentication", credential, error);
        });
        return new DomainException(error);
    }

    private static Map<String, Object> credential(String name, ExternalIdentity identity, Kind kind) {
        boolean saml = kind == Kind.EXTERNAL_SAML;
        Map<String, Object> parameters = new LinkedHashMap<>(SignInAudit.credential(name,
                saml ? EXTERNAL_SAML : EXTERNAL_OIDC));
        parameters.put("issuer", identity.issuer());
        parameters.put("subject", identity.subject());
        parameters.put("amr", identity.amr() == null ? List.of() : identity.amr());
        if (identity.acr() != null) {
            parameters.put(saml ? "authnContextClassRef" : "acr", identity.acr());
        }
        return parameters;
    }
}
