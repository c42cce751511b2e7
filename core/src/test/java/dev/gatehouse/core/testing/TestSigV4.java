package dev.gatehouse.core.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SortedMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a POST the way an AWS SDK does, written out step by step from the SigV4 specification: tests use it to
 * send requests our verifier has never seen, instead of trusting the verifier's own code to produce them.
 */
public final class TestSigV4 {

    private static final HexFormat HEX = HexFormat.of();

    private TestSigV4() {
    }

    /**
     * The {@code Authorization} header of a POST to {@code path} without a query string.
     *
     * @param headers the signed headers, names in lower case (their order is the canonical one)
     * @param amzDate the {@code X-Amz-Date} value, e.g. {@code 20250602T090000Z}
     */
    public static String authorization(String accessKeyId, String secret, String region, String service,
                                       String amzDate, String path, SortedMap<String, String> headers, byte[] body) {
        String date = amzDate.substring(0, 8);
        String signedHeaders = String.join(";", headers.keySet());
        String canonicalHeaders = headers.entrySet().stream()
                .map(e -> e.getKey() + ':' + e.getValue() + '\n').collect(Collectors.joining());
        String canonicalRequest = "POST\n" + path + "\n\n" + canonicalHeaders + '\n' + signedHeaders + '\n'
                + sha256Hex(body);
        String scope = date + '/' + region + '/' + service + "/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + '\n' + scope + '\n'
                + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        for (String part : new String[] {region, service, "aws4_request"}) {
            key = hmac(key, part);
        }
        return "AWS4-HMAC-SHA256 Credential=" + accessKeyId + '/' + scope + ", SignedHeaders=" + signedHeaders
                + ", Signature=" + HEX.formatHex(hmac(key, stringToSign));
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
