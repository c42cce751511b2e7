package dev.gatehouse.core.authz;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.EventSource;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.credentials.AccessKeyIds;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.keys.SecretSealer;
import dev.gatehouse.core.storage.Transactions;
import dev.gatehouse.policy.InvalidPolicyException;
import dev.gatehouse.policy.ManagedPolicies;
import dev.gatehouse.policy.Policies;
import dev.gatehouse.sigv4.SigningSecret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The credentials protected services call the authorization API with: created and deleted by an administrator,
 * audited, the secret shown once and stored sealed (the verifier needs it back to check signatures).
 */
public final class ServiceCredentials {

    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");
    /** Bound into the sealed secret, so it cannot be copied onto an MFA device row or another credential. */
    private static final String SEALING_CONTEXT = "service-credential:";

    private final ServiceCredentialRepository serviceCredentials;
    private final Transactions transactions;
    private final Clock clock;
    private final AuditLog audit;
    private final Supplier<SecretSealer> sealer;
    private final UnsealedServiceSecrets unsealed = new UnsealedServiceSecrets(1024);

    public ServiceCredentials(ServiceCredentialRepository serviceCredentials, Transactions transactions, Clock clock,
                              AuditLog audit, Supplier<SecretSealer> sealer) {
        this.serviceCredentials = serviceCredentials;
        this.transactions = transactions;
        this.clock = clock;
        this.audit = audit;
        this.sealer = sealer;
    }

    /** A new credential; the only time its secret is shown. */
    public record Created(ServiceCredential credential, String secretAccessKey) { }

    /** A credential for the authorization API only: the administration APIs refuse it every call. */
    public Created create(String name, Actor actor, RequestContext context) {
        return create(name, List.of(), null, actor, context);
    }

    /**
     * A credential whose policies the administration APIs evaluate (docs/admin-api.md).
     *
     * @param managedPolicies AWS managed policy names Gatehouse bundles, e.g. AdministratorAccess
     * @param inlinePolicy    a policy document, or null
     */
    public Created create(String name, List<String> managedPolicies, String inlinePolicy, Actor actor,
                          RequestContext context) {
        for (String policy : managedPolicies) {
            if (ManagedPolicies.find(policy).isEmpty()) {
                throw DomainException.invalid("managedPolicy", "unknown managed policy '" + policy + "'; known: "
                        + String.join(", ", new TreeSet<>(ManagedPolicies.names())));
            }
        }
        if (inlinePolicy != null) {
            try {
                Policies.parseInline(inlinePolicy);
            } catch (InvalidPolicyException e) {
                throw DomainException.invalid("inlinePolicy", e.getMessage());
            }
        }
        if (name == null || !NAME.matcher(name.strip()).matches()) {
            throw DomainException.invalid("name", "name must be 1 to 64 letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit");
        }
        String accessKeyId = AccessKeyIds.newServiceKeyId();
        String secret = AccessKeyIds.newSecretAccessKey();
        Instant now = clock.instant();
        ServiceCredential credential = new ServiceCredential(accessKeyId, name.strip(),
                sealer.get().seal(secret.getBytes(StandardCharsets.UTF_8), SEALING_CONTEXT + accessKeyId), now,
                managedPolicies, inlinePolicy);
        return transactions.inTransaction(() -> {
            serviceCredentials.insert(credential);
            audit.as(actor, EventSource.AUTHZ, context).success("CreateServiceCredential",
                    Map.of("name", credential.name(), "managedPolicies", managedPolicies,
                            "inlinePolicy", inlinePolicy != null), Map.of("accessKeyId", accessKeyId));
            return new Created(credential, secret);
        });
    }

    public List<ServiceCredential> list() {
        return serviceCredentials.list();
    }

    /** Takes effect on the service's next call: each call looks the credential up before using its secret. */
    public void delete(String accessKeyId, Actor actor, RequestContext context) {
        transactions.run(() -> {
            if (!serviceCredentials.delete(accessKeyId)) {
                throw DomainException.notFound("Service credential", accessKeyId);
            }
            audit.as(actor, EventSource.AUTHZ, context).success("DeleteServiceCredential",
                    Map.of("accessKeyId", accessKeyId));
        });
    }

    /** The credential with this access key id, if it exists (not deleted). */
    Optional<ServiceCredential> find(String accessKeyId) {
        return serviceCredentials.findByAccessKeyId(accessKeyId);
    }

    /** The credential's secret, unsealed for the SigV4 verifier (once per credential, sealed secret and key set). */
    SigningSecret signingSecretOf(ServiceCredential credential) {
        return unsealed.of(credential, sealer.get(), current -> new String(current.unseal(credential.sealedSecret(),
                SEALING_CONTEXT + credential.accessKeyId()), StandardCharsets.UTF_8));
    }
}
