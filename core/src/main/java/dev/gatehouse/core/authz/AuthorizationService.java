package dev.gatehouse.core.authz;

import dev.gatehouse.core.access.PermissionSet;
import dev.gatehouse.core.access.PermissionSetRepository;
import dev.gatehouse.core.credentials.RoleIds;
import dev.gatehouse.core.credentials.RoleSessionClaims;
import dev.gatehouse.core.error.DomainError.SignatureFailure;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.error.Inputs;
import dev.gatehouse.core.sts.CallerIdentity;
import dev.gatehouse.core.sts.CallerIdentityService;
import dev.gatehouse.policy.AccessRequest;
import dev.gatehouse.policy.ContextKeys;
import dev.gatehouse.policy.Decision;
import dev.gatehouse.policy.PolicyEvaluator;
import dev.gatehouse.sigv4.ReceivedRequest;
import dev.gatehouse.sigv4.SigV4Exception;
import dev.gatehouse.sigv4.SigV4Verifier;
import dev.gatehouse.sigv4.VerifiedRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The authorization API for services: a protected service forwards a SigV4-signed request it received, with the
 * action and resource it derived; Gatehouse authenticates the service's own call, verifies the forwarded
 * signature and that the session, user and assignment still hold, then evaluates the permission set's
 * policies as IAM does.
 */
public final class AuthorizationService {

    /** The SigV4 signing name services scope their calls to the authorization API to. */
    public static final String SIGNING_NAME = "gatehouse-authz";

    private static final Pattern ACTION = Pattern.compile("^[A-Za-z0-9-]{1,64}:[A-Za-z0-9]{1,128}$");
    private static final Pattern SIGNING_NAME_RULE = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,63}$");
    private static final int MAX_RESOURCE = 2048;
    /** Bounds of the service's own condition keys: IAM's request context has nothing near these. */
    private static final int MAX_CONTEXT_KEYS = 50;
    private static final int MAX_CONTEXT_VALUES = 50;
    private static final int MAX_CONTEXT_CHARS = 1024;
    private static final int MAX_SOURCE_IP = 64;

    private final PermissionSetRepository permissionSets;
    private final Clock clock;
    private final SigV4Verifier verifier;
    private final ServiceCredentials serviceCredentials;
    private final CallerIdentityService callers;
    private final PolicyEvaluator evaluator = new PolicyEvaluator();
    private final PolicySetCache policies = new PolicySetCache();

    public AuthorizationService(PermissionSetRepository permissionSets, Clock clock, SigV4Verifier verifier,
                                ServiceCredentials serviceCredentials, CallerIdentityService callers) {
        this.permissionSets = permissionSets;
        this.clock = clock;
        this.verifier = verifier;
        this.serviceCredentials = serviceCredentials;
        this.callers = callers;
    }

    /**
     * Decides a service's query. Taking the authenticated caller makes "authenticate the service first" part of
     * the signature: nothing about the forwarded request is looked at for an unknown caller.
     *
     * @throws DomainException InvalidInput when the query is malformed
     */
    public AuthorizationResult decide(ServiceCredential caller, AuthorizationQuery query) {
        requireWellFormed(query);
        RoleSessionClaims claims;
        try {
            claims = callers.authenticate(query.request(), query.signingName());
        } catch (DomainException e) {
            if (e.error() instanceof DomainError.SignatureRejected rejected) {
                return AuthorizationResult.notAuthenticated(rejected.kind(), rejected.message());
            }
            throw e;
        }
        AuthenticatedPrincipal principal = principal(claims);
        Optional<PermissionSet> permissionSet = permissionSets.findByArn(claims.permissionSetArn());
        if (permissionSet.isEmpty()) {
            // The assignment was just re-checked, so only a deletion racing this call lands here.
            return AuthorizationResult.notAuthenticated(SignatureFailure.INVALID_CLIENT_TOKEN_ID,
                    "The permission set of these credentials no longer exists.");
        }
        Map<String, List<String>> keys = PrincipalContextKeys.of(principal, claims.issuedAt(), query, clock.instant());
        Decision decision = evaluator.evaluate(policies.of(permissionSet.get()),
                new AccessRequest(query.action(), query.resource(), ContextKeys.of(keys)));
        return AuthorizationResult.decided(principal, decision);
    }

    /**
     * Authenticates the service's own call to the API: SigV4 with a service credential, scoped to
     * {@value #SIGNING_NAME}.
     *
     * @throws DomainException SignatureRejected when it is not
     */
    public ServiceCredential authenticateService(ReceivedRequest call) {
        return authenticateService(call, SIGNING_NAME);
    }

    /**
     * Authenticates a call signed with a service credential and scoped to {@code signingName}: the authorization
     * API's, or an administration API's ({@code identitystore}).
     *
     * @throws DomainException SignatureRejected when it is not
     */
    public ServiceCredential authenticateService(ReceivedRequest call, String signingName) {
        Instant now = clock.instant();
        ServiceCredential[] caller = new ServiceCredential[1];
        VerifiedRequest verified;
        try {
            verified = verifier.verifyWithSigningSecrets(call, (accessKeyId, sessionToken) -> {
                if (sessionToken != null) {
                    return Optional.empty();
                }
                caller[0] = serviceCredentials.find(accessKeyId).orElse(null);
                return Optional.ofNullable(caller[0]).map(serviceCredentials::signingSecretOf);
            }, now);
        } catch (SigV4Exception e) {
            throw CallerIdentityService.rejection(e);
        }
        if (!signingName.equals(verified.scope().service())) {
            throw CallerIdentityService.wrongService(verified.scope().service(), signingName);
        }
        return caller[0];
    }

    private static void requireWellFormed(AuthorizationQuery query) {
        if (query.request() == null) {
            throw DomainException.invalid("request", "request is required: the signed request as received");
        }
        if (query.signingName() == null || !SIGNING_NAME_RULE.matcher(query.signingName()).matches()) {
            throw DomainException.invalid("signingName", "signingName is required: the SigV4 service name your "
                    + "service expects in the credential scope, e.g. execute-api");
        }
        if (query.action() != null && (query.action().indexOf('*') >= 0 || query.action().indexOf('?') >= 0)) {
            // The action is what this one request does, never a pattern: s3:Get* would be allowed by s3:* and slip
            // past a Deny on s3:GetObject.
            throw DomainException.invalid("action", "action must be the one action the request performs, e.g. "
                    + "s3:GetObject; wildcards (* and ?) are not allowed in a request");
        }
        if (query.action() == null || !ACTION.matcher(query.action()).matches()) {
            throw DomainException.invalid("action", "action must look like service:Operation, e.g. s3:GetObject");
        }
        if (query.resource() == null || query.resource().isBlank() || query.resource().length() > MAX_RESOURCE
                || !(query.resource().equals("*") || query.resource().startsWith("arn:"))) {
            throw DomainException.invalid("resource", "resource must be an ARN (arn:…) or *");
        }
        Inputs.atMost("sourceIp", query.sourceIp(), MAX_SOURCE_IP);
        if (query.context().size() > MAX_CONTEXT_KEYS) {
            throw DomainException.invalid("context", "context may hold at most " + MAX_CONTEXT_KEYS + " keys");
        }
        for (Map.Entry<String, List<String>> entry : query.context().entrySet()) {
            Inputs.atMost("context", List.of(entry.getKey() == null ? "" : entry.getKey()), 1, MAX_CONTEXT_CHARS);
            Inputs.atMost("context values", entry.getValue(), MAX_CONTEXT_VALUES, MAX_CONTEXT_CHARS);
        }
        for (String key : query.context().keySet()) {
            if (key == null || key.isBlank() || key.regionMatches(true, 0, "aws:", 0, 4)) {
                throw DomainException.invalid("context", "context keys must be named and may not start with aws: "
                        + "(Gatehouse sets those; pass sourceIp and secureTransport as fields)");
            }
        }
    }

    private static AuthenticatedPrincipal principal(RoleSessionClaims claims) {
        CallerIdentity identity = CallerIdentityService.identityOf(claims);
        return new AuthenticatedPrincipal(claims.userId(), claims.userName(), claims.accountId(),
                claims.permissionSetArn(), claims.roleName(), RoleIds.roleArn(claims.accountId(), claims.roleName()),
                identity.arn(), identity.userId(),
                claims.principalTags(), claims.expiresAt());
    }
}
