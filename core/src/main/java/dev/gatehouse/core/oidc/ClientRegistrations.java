package dev.gatehouse.core.oidc;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.EventSource;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.instance.Instance;
import dev.gatehouse.core.keys.Secrets;
import dev.gatehouse.core.ratelimit.RateLimiter;
import dev.gatehouse.core.session.ClientNames;
import dev.gatehouse.core.session.Lifetimes;
import dev.gatehouse.core.storage.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** RegisterClient, and the client authentication every later sso-oidc call starts with. */
public final class ClientRegistrations implements ClientNames {

    private static final Pattern SCOPE = Pattern.compile("^[A-Za-z0-9:_.*/-]{1,256}$");

    private final ClientRepository clients;
    private final Transactions transactions;
    private final Clock clock;
    private final AuditLog audit;
    private final Lifetimes lifetimes;
    private final Supplier<Instance> instance;
    private final RateLimiter perAddress;

    /** @param perAddress how many registrations one source address may make (docs/security.md) */
    public ClientRegistrations(ClientRepository clients, Transactions transactions, Clock clock, AuditLog audit,
                               Lifetimes lifetimes, Supplier<Instance> instance, RateLimiter perAddress) {
        this.clients = clients;
        this.transactions = transactions;
        this.clock = clock;
        this.audit = audit;
        this.lifetimes = lifetimes;
        this.instance = instance;
        this.perAddress = perAddress;
    }

    public record Request(String clientName, String clientType, List<String> scopes, List<String> grantTypes,
                          List<String> redirectUris, String issuerUrl) { }

    /** The client's secret is returned once, here, and stored only as a hash. */
    public record Registered(ClientRegistration client, String clientSecret) { }

    public Registered register(Request request, RequestContext context) {
        perAddress.acquire(context.sourceIpAddress());
        OidcLimits.check(request);
        String name = required("clientName", request.clientName());
        if (!"public".equals(request.clientType())) {
            throw new DomainException(new DomainError.InvalidInput("clientType",
                    "Invalid client type: only 'public' clients can be registered"));
        }
        List<String> scopes = request.scopes() == null ? List.of() : request.scopes();
        for (String scope : scopes) {
            if (scope == null || !SCOPE.matcher(scope).matches()) {
                throw new DomainException(new DomainError.InvalidScope("Invalid scope: " + scope));
            }
        }
        List<String> grantTypes = request.grantTypes() == null || request.grantTypes().isEmpty()
                ? List.of(GrantTypes.DEVICE_CODE, GrantTypes.REFRESH_TOKEN) : request.grantTypes();
        for (String grantType : grantTypes) {
            if (!GrantTypes.REGISTRABLE.contains(grantType)) {
                throw new DomainException(new DomainError.UnsupportedGrantType(grantType));
            }
        }
        List<String> redirectUris = redirectUris(request.redirectUris(), grantTypes);
        if (request.issuerUrl() != null && !instance.get().acceptsStartUrl(request.issuerUrl())) {
            throw DomainException.invalid("issuerUrl", "Unknown issuer URL: " + request.issuerUrl()
                    + "; use this instance's start URL or one of its aliases");
        }
        String secret = Secrets.newToken("ghcs_");
        Instant now = clock.instant();
        ClientRegistration client = new ClientRegistration(Secrets.newToken("").substring(0, 22), Secrets.hash(secret),
                name, "public", scopes, grantTypes, redirectUris, request.issuerUrl(), now,
                now.plus(lifetimes.clientRegistration()));
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("clientName", name);
        parameters.put("clientType", "public");
        parameters.put("scopes", scopes);
        parameters.put("grantTypes", grantTypes);
        parameters.put("redirectUris", redirectUris);
        if (request.issuerUrl() != null) {
            parameters.put("issuerUrl", request.issuerUrl());
        }
        transactions.run(() -> {
            clients.insert(client);
            audit.as(Actor.client(client.clientId()), EventSource.SSO_OIDC, context).success("RegisterClient",
                    parameters,
                    Map.of("clientId", client.clientId(), "clientSecretExpiresAt", client.expiresAt().toString()));
        });
        return new Registered(client, secret);
    }

    /** The registration, if the id and secret match and it has not expired; else InvalidClient. */
    public ClientRegistration authenticate(String clientId, String clientSecret) {
        if (clientId == null || clientSecret == null) {
            throw invalidClient();
        }
        ClientRegistration client = clients.findById(clientId).orElseThrow(ClientRegistrations::invalidClient);
        if (!Secrets.equal(client.secretHash(), Secrets.hash(clientSecret))) {
            throw invalidClient();
        }
        if (!clock.instant().isBefore(client.expiresAt())) {
            throw new DomainException(new DomainError.InvalidClient(
                    "The client registration has expired; register the client again"));
        }
        return client;
    }

    /**
     * Where the browser may bring an authorization code back: required for that grant, and only the loopback
     * interface (RFC 8252 §7.3), since the clients are CLIs on the person's own machine.
     */
    private static List<String> redirectUris(List<String> requested, List<String> grantTypes) {
        List<String> uris = requested == null ? List.of() : requested;
        if (uris.isEmpty() && grantTypes.contains(GrantTypes.AUTHORIZATION_CODE)) {
            throw DomainException.invalid("redirectUris", "redirectUris is required for the authorization_code grant");
        }
        for (String uri : uris) {
            if (!RedirectUris.registrable(uri)) {
                throw DomainException.invalid("redirectUris", "Invalid redirect URI: " + uri
                        + "; only http(s) URIs on the loopback interface (127.0.0.1, [::1], localhost) are accepted");
            }
        }
        return uris;
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(field, field + " is required");
        }
        return value;
    }

    private static DomainException invalidClient() {
        return new DomainException(new DomainError.InvalidClient("Invalid client id or secret"));
    }

    @Override
    public Optional<String> nameOf(String clientId) {
        return clients.findById(clientId).map(ClientRegistration::clientName);
    }
}
