package dev.gatehouse.core.sts;

import dev.gatehouse.core.credentials.RoleCredentials;
import dev.gatehouse.sigv4.ReceivedRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * GetCallerIdentity as the AWS CLI sends it: POST / with a form body, signed with SigV4 in the header form,
 * session token included. Written apart from the verifier on purpose, as a client would sign.
 */
final class StsRequests {

    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();
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
        String date = amzDate.substring(0, 8);
        Map<String, String> canonical = new TreeMap<>();
        canonical.put("content-type", "application/x-www-form-urlencoded; charset=utf-8");
        canonical.put("host", "sts." + region + ".amazonaws.com");
        canonical.put("x-amz-date", amzDate);
        canonical.put("x-amz-security-token", sessionToken);
        String signedHeaders = String.join(";", canonical.keySet());
        String canonicalHeaders = canonical.entrySet().stream()
                .map(e -> e.getKey() + ':' + e.getValue() + '\n').collect(Collectors.joining());
        String canonicalRequest = "POST\n/\n\n" + canonicalHeaders + '\n' + signedHeaders + '\n' + sha256Hex(BODY);
        String scope = date + '/' + region + "/sts/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + '\n' + scope + '\n'
                + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        byte[] key = hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), date);
        for (String part : new String[] {region, "sts", "aws4_request"}) {
            key = hmac(key, part);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        canonical.forEach((name, value) -> headers.put(name, List.of(value)));
        headers.put("authorization", List.of("AWS4-HMAC-SHA256 Credential=" + accessKeyId + '/' + scope
                + ", SignedHeaders=" + signedHeaders + ", Signature=" + HEX.formatHex(hmac(key, stringToSign))));
        return new ReceivedRequest("POST", "/", "", headers, BODY);
    }

    private static String sha256Hex(byte[] data) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
