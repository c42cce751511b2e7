package dev.gatehouse.authz.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs the client's own POST to the authorization API with SigV4 (header form), over Host, X-Amz-Date and
 * X-Amz-Content-Sha256: the service credential never leaves the process, only a signature does.
 */
final class CallSigner {

    static final String SIGNING_NAME = "gatehouse-authz";
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String SIGNED_HEADERS = "host;x-amz-content-sha256;x-amz-date";

    private final String accessKeyId;
    private final String secretAccessKey;
    private final String region;

    CallSigner(String accessKeyId, String secretAccessKey, String region) {
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
        this.region = region;
    }

    /** The headers to send: X-Amz-Date, X-Amz-Content-Sha256 and Authorization. */
    Map<String, String> sign(String host, String path, byte[] body, Instant now) {
        String amzDate = AMZ_DATE.format(now);
        String date = amzDate.substring(0, 8);
        String payloadHash = hex(sha256(body));
        String canonicalRequest = "POST\n" + path + "\n\n"
                + "host:" + host + "\n" + "x-amz-content-sha256:" + payloadHash + "\n" + "x-amz-date:" + amzDate + "\n"
                + "\n" + SIGNED_HEADERS + "\n" + payloadHash;
        String scope = date + "/" + region + "/" + SIGNING_NAME + "/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), date);
        for (String part : new String[] {region, SIGNING_NAME, "aws4_request"}) {
            key = hmac(key, part);
        }
        String signature = hex(hmac(key, stringToSign));
        return Map.of("X-Amz-Date", amzDate, "X-Amz-Content-Sha256", payloadHash,
                "Authorization", "AWS4-HMAC-SHA256 Credential=" + accessKeyId + "/" + scope
                        + ", SignedHeaders=" + SIGNED_HEADERS + ", Signature=" + signature);
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
