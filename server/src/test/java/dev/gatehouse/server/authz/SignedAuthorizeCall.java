package dev.gatehouse.server.authz;

import dev.gatehouse.core.testing.TestSigV4;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code POST /authz/v1/authorize} signed with a service credential as a protected service signs it (SigV4, header
 * form, signing name {@code gatehouse-authz}), by {@link TestSigV4}: apart from the verifier, as a client would sign.
 */
final class SignedAuthorizeCall {

    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String REGION = "us-east-1";

    private SignedAuthorizeCall() {
    }

    static HttpRequest of(URI uri, String accessKeyId, String secret, Instant at, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String amzDate = AMZ_DATE.format(at);
        SortedMap<String, String> signed = new TreeMap<>(Map.of("content-type", "application/json",
                "host", uri.getHost() + ":" + uri.getPort(), "x-amz-date", amzDate));
        return HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .header("X-Amz-Date", amzDate)
                .header("Authorization", TestSigV4.authorization(accessKeyId, secret, REGION, "gatehouse-authz",
                        amzDate, uri.getPath(), signed, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
    }
}
