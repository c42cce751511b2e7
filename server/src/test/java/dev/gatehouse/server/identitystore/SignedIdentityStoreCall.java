package dev.gatehouse.server.identitystore;

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

/** {@code POST /} as an awsJson client sends an identitystore call: target, JSON body, SigV4 by {@link TestSigV4}. */
final class SignedIdentityStoreCall {

    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private SignedIdentityStoreCall() {
    }

    static HttpRequest of(URI root, String accessKeyId, String secret, Instant at, String operation, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String amzDate = AMZ_DATE.format(at);
        String target = "AWSIdentityStore." + operation;
        SortedMap<String, String> signed = new TreeMap<>(Map.of("content-type", CONTENT_TYPE,
                "host", root.getHost() + ":" + root.getPort(), "x-amz-date", amzDate, "x-amz-target", target));
        return HttpRequest.newBuilder(root)
                .header("Content-Type", CONTENT_TYPE)
                .header("X-Amz-Date", amzDate)
                .header("X-Amz-Target", target)
                .header("Authorization", TestSigV4.authorization(accessKeyId, secret, "us-east-1", "identitystore",
                        amzDate, "/", signed, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
    }
}
