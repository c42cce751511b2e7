package dev.gatehouse.bench;

import dev.gatehouse.sigv4.ReceivedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An STS GetCallerIdentity request shaped like the one AWS SDK for Java v2 sends: form body, the SDK's
 * invocation headers signed along with Host, and the session token in X-Amz-Security-Token.
 */
record GetCallerIdentityRequest(Map<String, String> headers, byte[] body) {

    static final String BODY = "Action=GetCallerIdentity&Version=2011-06-15";

    static GetCallerIdentityRequest signed(String host, String accessKeyId, String secretAccessKey,
                                           String sessionToken, String region, Instant at) {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", host);
        headers.put("amz-sdk-invocation-id", UUID.randomUUID().toString());
        headers.put("amz-sdk-request", "attempt=1; max=4");
        headers.put("Content-Length", Integer.toString(body.length));
        headers.put("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        headers.put("X-Amz-Security-Token", sessionToken);
        Map<String, String> sent = new LinkedHashMap<>(RequestSigner.sign("POST", headers, body, accessKeyId,
                secretAccessKey, region, "sts", at));
        // Sent but not signed, as the SDK does: proxies may rewrite it.
        sent.put("User-Agent", "aws-sdk-java/2.40.2 md/io#sync md/http#Apache ua/2.1 os/Linux lang/java#21 "
                + "api/STS#2.40.x m/D");
        return new GetCallerIdentityRequest(Map.copyOf(sent), body);
    }

    /** As a server adapter would hand it to the verifier: names as received, one value each. */
    ReceivedRequest received() {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        return new ReceivedRequest("POST", "/", null, multi, body);
    }
}
