package dev.gatehouse.server.ssoadmin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.authz.ServiceCredentials.Created;
import dev.gatehouse.core.testing.TestSigV4;
import dev.gatehouse.server.RunningServer;
import dev.gatehouse.server.Services;
import dev.gatehouse.server.http.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * sso-admin calls as an awsJson client sends them (target, JSON body, SigV4 by {@link TestSigV4}) to a running
 * Gatehouse, by a service credential with the managed policies given.
 */
final class SsoAdminCalls {

    static final RequestContext SETUP = RequestContext.commandLine("test");
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Supplier<Services> services;
    private final Function<String, URI> uri;
    private final Clock clock;

    SsoAdminCalls(RunningServer gatehouse) {
        this(gatehouse::services, gatehouse::uri, gatehouse.clock);
    }

    SsoAdminCalls(Supplier<Services> services, Function<String, URI> uri, Clock clock) {
        this.services = services;
        this.uri = uri;
        this.clock = clock;
    }

    Created credential(String... managedPolicies) {
        return services.get().core().serviceCredentials().create("caller-" + System.nanoTime(),
                List.of(managedPolicies), null, Actor.administratorCli(), SETUP);
    }

    String instanceArn() {
        return services.get().instance().instanceArn();
    }

    HttpResponse<String> call(Created caller, String operation, Map<String, ?> body) throws Exception {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        URI root = uri.apply("/");
        String amzDate = AMZ_DATE.format(clock.instant());
        String target = "SWBExternalService." + operation;
        SortedMap<String, String> signed = new TreeMap<>(Map.of("content-type", CONTENT_TYPE,
                "host", root.getHost() + ":" + root.getPort(), "x-amz-date", amzDate, "x-amz-target", target));
        HttpRequest request = HttpRequest.newBuilder(root)
                .header("Content-Type", CONTENT_TYPE)
                .header("X-Amz-Date", amzDate)
                .header("X-Amz-Target", target)
                .header("Authorization", TestSigV4.authorization(caller.credential().accessKeyId(),
                        caller.secretAccessKey(), "us-east-1", "sso", amzDate, "/", signed, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The answer's body, which must be a 200. */
    JsonNode ok(Created caller, String operation, Map<String, ?> body) throws Exception {
        HttpResponse<String> response = call(caller, operation, body);
        if (response.statusCode() != 200) {
            throw new AssertionError(operation + " answered " + response.statusCode() + ": " + response.body());
        }
        return Json.MAPPER.readTree(response.body());
    }

    /** The error's {@code __type}, checked against {@code x-amzn-ErrorType}. */
    static String errorType(HttpResponse<String> response) throws Exception {
        String type = Json.MAPPER.readTree(response.body()).get("__type").asText();
        if (!response.headers().firstValue("x-amzn-ErrorType").orElse("").equals(type)) {
            throw new AssertionError("x-amzn-ErrorType differs from __type: " + response.headers());
        }
        return type;
    }

    static String message(HttpResponse<String> response) throws Exception {
        return Json.MAPPER.readTree(response.body()).get("Message").asText();
    }
}
