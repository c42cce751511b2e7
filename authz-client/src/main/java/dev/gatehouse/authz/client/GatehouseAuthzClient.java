package dev.gatehouse.authz.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Asks Gatehouse whether a SigV4-signed request your service received may do what it asks: one call,
 * {@link #authorize}. The client signs its own call with a service credential ({@code gatehouse-server admin
 * service-credentials create}) and keeps recent decisions for a few seconds (see {@link DecisionCache}).
 * Thread-safe; build one per process.
 */
public final class GatehouseAuthzClient {

    static final String PATH = "/authz/v1/authorize";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final String host;
    private final String signingName;
    private final CallSigner signer;
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;
    private final DecisionCache cache;

    private GatehouseAuthzClient(Builder builder) {
        this.endpoint = URI.create(stripSlash(Objects.requireNonNull(builder.endpoint, "endpoint").toString()) + PATH);
        this.host = endpoint.getPort() == -1 ? endpoint.getHost() : endpoint.getHost() + ":" + endpoint.getPort();
        this.signingName = Objects.requireNonNull(builder.signingName, "signingName");
        this.signer = new CallSigner(Objects.requireNonNull(builder.accessKeyId, "accessKeyId"),
                Objects.requireNonNull(builder.secretAccessKey, "secretAccessKey"), builder.region);
        this.http = builder.http != null ? builder.http
                : HttpClient.newBuilder().connectTimeout(builder.timeout).build();
        this.timeout = builder.timeout;
        this.clock = builder.clock;
        this.cache = new DecisionCache(builder.clock, builder.cacheTimeToLive, builder.cacheSize);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param action   what the request does, as your service names it: {@code orders:GetOrder}
     * @param resource the ARN it does it to, or {@code *}
     * @throws AuthorizationApiException when Gatehouse refuses the call itself or cannot be reached: deny
     */
    public AuthorizationDecision authorize(SignedRequest request, String action, String resource) {
        return authorize(request, action, resource, RequestFacts.NONE);
    }

    public AuthorizationDecision authorize(SignedRequest request, String action, String resource,
                                           RequestFacts facts) {
        byte[] question = question(request, action, resource, facts);
        AuthorizationDecision cached = cache.get(question);
        if (cached != null) {
            return cached;
        }
        AuthorizationDecision decision = ask(question);
        cache.put(question, decision);
        return decision;
    }

    private byte[] question(SignedRequest request, String action, String resource, RequestFacts facts) {
        ObjectNode root = JSON.createObjectNode();
        root.put("signingName", signingName);
        root.put("action", action);
        root.put("resource", resource);
        if (facts.sourceIp() != null) {
            root.put("sourceIp", facts.sourceIp());
        }
        root.put("secureTransport", facts.secureTransport());
        root.set("context", lists(facts.context()));
        ObjectNode forwarded = root.putObject("request");
        forwarded.put("method", request.method());
        forwarded.put("path", request.rawPath());
        if (request.rawQuery() != null) {
            forwarded.put("query", request.rawQuery());
        }
        forwarded.set("headers", lists(request.headers()));
        forwarded.put("body", Base64.getEncoder().encodeToString(request.body()));
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("a tree of strings always serializes", e);
        }
    }

    private static ObjectNode lists(Map<String, List<String>> map) {
        ObjectNode node = JSON.createObjectNode();
        map.forEach((key, values) -> {
            ArrayNode array = node.putArray(key);
            values.forEach(array::add);
        });
        return node;
    }

    private AuthorizationDecision ask(byte[] question) {
        HttpRequest.Builder call = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(question));
        signer.sign(host, endpoint.getRawPath(), question, clock.instant()).forEach(call::header);
        HttpResponse<byte[]> response;
        try {
            response = http.send(call.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AuthorizationApiException("Gatehouse could not be reached at " + endpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthorizationApiException("interrupted while asking Gatehouse", e);
        }
        JsonNode body = parse(response);
        if (response.statusCode() != 200) {
            throw new AuthorizationApiException(response.statusCode(),
                    response.headers().firstValue("x-amzn-ErrorType").orElse(null), body.path("message").asText(""));
        }
        return decision(body);
    }

    private static JsonNode parse(HttpResponse<byte[]> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AuthorizationApiException(response.statusCode(), null, "Gatehouse answered with no JSON");
        }
    }

    private static AuthorizationDecision decision(JsonNode body) {
        JsonNode principal = body.get("principal");
        JsonNode statement = body.get("decidingStatement");
        return new AuthorizationDecision("ALLOW".equals(body.path("decision").asText()),
                body.path("outcome").asText(), Optional.ofNullable(principal).map(GatehouseAuthzClient::principal),
                Optional.ofNullable(statement).map(s -> s.path("description").asText()),
                body.path("reason").asText(""),
                Optional.ofNullable(body.get("authenticationFailure")).map(JsonNode::asText));
    }

    private static Principal principal(JsonNode json) {
        Map<String, String> tags = new HashMap<>();
        json.path("tags").properties().forEach(e -> tags.put(e.getKey(), e.getValue().asText()));
        return new Principal(json.path("userId").asText(), json.path("userName").asText(),
                json.path("accountId").asText(), json.path("permissionSetArn").asText(),
                json.path("roleName").asText(), json.path("roleArn").asText(), json.path("arn").asText(),
                json.path("principalId").asText(), tags, Instant.parse(json.path("credentialsExpireAt").asText()));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public static final class Builder {

        private URI endpoint;
        private String accessKeyId;
        private String secretAccessKey;
        private String region = "us-east-1";
        private String signingName;
        private Duration cacheTimeToLive = Duration.ofSeconds(5);
        private int cacheSize = 10_000;
        private Duration timeout = Duration.ofSeconds(5);
        private Clock clock = Clock.systemUTC();
        private HttpClient http;

        private Builder() {
        }

        /** Gatehouse's URL, e.g. {@code https://gatehouse.example.com}. */
        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /** A service credential from {@code gatehouse-server admin service-credentials create}. */
        public Builder serviceCredential(String accessKeyId, String secretAccessKey) {
            this.accessKeyId = accessKeyId;
            this.secretAccessKey = secretAccessKey;
            return this;
        }

        /** Gatehouse's region (default us-east-1). */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** The SigV4 service name your clients sign for (the third part of their credential scope). */
        public Builder signingName(String signingName) {
            this.signingName = signingName;
            return this;
        }

        /** How long a decision is reused for the very same request (default 5 s; zero turns caching off). */
        public Builder cacheTimeToLive(Duration timeToLive) {
            if (timeToLive.isNegative()) {
                throw new IllegalArgumentException("timeToLive must not be negative");
            }
            this.cacheTimeToLive = timeToLive;
            return this;
        }

        public Builder cacheSize(int maxEntries) {
            if (maxEntries < 1) {
                throw new IllegalArgumentException("maxEntries must be at least 1");
            }
            this.cacheSize = maxEntries;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** The clock that signs calls and ages cached decisions (tests step it). */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder httpClient(HttpClient http) {
            this.http = http;
            return this;
        }

        public GatehouseAuthzClient build() {
            return new GatehouseAuthzClient(this);
        }
    }
}
