package dev.gatehouse.core.sts;

import dev.gatehouse.core.credentials.RoleCredentials;
import dev.gatehouse.core.testing.TestSigV4;
import dev.gatehouse.sigv4.ReceivedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * GetCallerIdentity as the AWS CLI sends it: POST / with a form body, signed with SigV4 in the header form,
 * session token included, signed by {@link TestSigV4} (apart from the verifier, as a client would sign).
 */
final class StsRequests {

    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final byte[] BODY = "Action=GetCallerIdentity&Version=2011-06-15".getBytes(StandardCharsets.UTF_8);

    private StsRequests() {
    }

    static ReceivedRequest getCallerIdentity(RoleCredentials credentials, String region, Instant at) {
        return getCallerIdentity(credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken(),
                region, at);
    }

    static ReceivedRequest getCallerIdentity(String accessKeyId, String secretAccessKey, String sessionToken,
                                             String region, Instant at) {
        String amzDate = AMZ_DATE.format(at);
        SortedMap<String, String> signed = new TreeMap<>();
        signed.put("content-type", "application/x-www-form-urlencoded; charset=utf-8");
        signed.put("host", "sts." + region + ".amazonaws.com");
        signed.put("x-amz-date", amzDate);
        signed.put("x-amz-security-token", sessionToken);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        signed.forEach((name, value) -> headers.put(name, List.of(value)));
        headers.put("authorization", List.of(TestSigV4.authorization(accessKeyId, secretAccessKey, region, "sts",
                amzDate, "/", signed, BODY)));
        return new ReceivedRequest("POST", "/", "", headers, BODY);
    }
}
