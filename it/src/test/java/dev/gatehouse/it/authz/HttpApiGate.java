package dev.gatehouse.it.authz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.authz.client.AuthorizationDecision;
import dev.gatehouse.authz.client.Principal;
import dev.gatehouse.authz.client.RequestFacts;
import dev.gatehouse.authz.client.SignedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Asks the authorization API over plain HTTP, without the client library: the JSON body as docs/authorization.md
 * shows it, signed with the AWS SDK's own SigV4 signer and a service credential.
 */
final class HttpApiGate implements ProtectedService.Gate {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final AwsCredentialsIdentity serviceCredential;
    private final Clock clock;
    private final HttpClient http = HttpClient.newHttpClient();

    HttpApiGate(String gatehouseUrl, String accessKeyId, String secretAccessKey, Clock clock) {
        this.endpoint = URI.create(gatehouseUrl + "/authz/v1/authorize");
        this.serviceCredential = AwsCredentialsIdentity.create(accessKeyId, secretAccessKey);
        this.clock = clock;
    }

    @Override
    public AuthorizationDecision authorize(SignedRequest request, String action, String resource,
                                           RequestFacts facts) {
        HttpResponse<String> response = call(body(request, action, resource, facts));
        try {
            JsonNode answer = JSON.readTree(response.body());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("authorization API refused: " + response.statusCode() + " "
                        + response.headers().firstValue("x-amzn-ErrorType").orElse("") + " " + answer);
            }
            return decision(answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The raw call, for tests of the API's own refusals. */
    HttpResponse<String> call(byte[] body) {
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .putHeader("Content-Type", "application/json").build();
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(serviceCredential)
                .request(unsigned)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "gatehouse-authz")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock)).request();
        return SignedHttp.send(http,
                HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.ofByteArray(body)), signed);
    }

    static byte[] body(SignedRequest request, String action, String resource, RequestFacts facts) {
        ObjectNode root = JSON.createObjectNode();
        root.put("signingName", ProtectedService.SIGNING_NAME);
        root.put("action", action);
        root.put("resource", resource);
        root.put("sourceIp", facts.sourceIp());
        root.put("secureTransport", facts.secureTransport());
        ObjectNode context = root.putObject("context");
        facts.context().forEach((key, values) -> values.forEach(context.putArray(key)::add));
        ObjectNode forwarded = root.putObject("request");
        forwarded.put("method", request.method());
        forwarded.put("path", request.rawPath());
        forwarded.put("query", request.rawQuery());
        ObjectNode headers = forwarded.putObject("headers");
        request.headers().forEach((name, values) -> values.forEach(headers.putArray(name)::add));
        forwarded.put("body", Base64.getEncoder().encodeToString(request.body()));
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AuthorizationDecision decision(JsonNode answer) {
        Optional<Principal> principal = Optional.ofNullable(answer.get("principal")).map(p -> {
            Map<String, String> tags = new HashMap<>();
            p.path("tags").properties().forEach(e -> tags.put(e.getKey(), e.getValue().asText()));
            return new Principal(p.path("userId").asText(), p.path("userName").asText(),
                    p.path("accountId").asText(), p.path("permissionSetArn").asText(), p.path("roleName").asText(),
                    p.path("roleArn").asText(), p.path("arn").asText(), p.path("principalId").asText(), tags,
                    Instant.parse(p.path("credentialsExpireAt").asText()));
        });
        return new AuthorizationDecision("ALLOW".equals(answer.path("decision").asText()),
                answer.path("outcome").asText(), principal,
                Optional.ofNullable(answer.get("decidingStatement")).map(s -> s.path("description").asText()),
                answer.path("reason").asText(),
                Optional.ofNullable(answer.get("authenticationFailure")).map(JsonNode::asText));
    }
}
