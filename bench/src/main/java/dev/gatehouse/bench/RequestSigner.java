package dev.gatehouse.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A client-side SigV4 signer (header form) for requests whose path is "/" and that carry no query, which is
 * all STS needs. Written apart from the verifier on purpose: a benchmark that signs with the code it
 * measures could not notice the two drifting apart.
 */
final class RequestSigner {

    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    private RequestSigner() {
    }

    /**
     * @param headers the headers to sign, Host included, without X-Amz-Date (added here)
     * @return every header to send: the given ones plus X-Amz-Date and Authorization
     */
    static Map<String, String> sign(String method, Map<String, String> headers, byte[] body, String accessKeyId,
                                    String secretAccessKey, String region, String service, Instant at) {
        return sign(method, "/", headers, body, accessKeyId, secretAccessKey, region, service, at);
    }

    /** @param path the request path, already in canonical form (no characters that need encoding) */
    static Map<String, String> sign(String method, String path, Map<String, String> headers, byte[] body,
                                    String accessKeyId, String secretAccessKey, String region, String service,
                                    Instant at) {
        String amzDate = AMZ_DATE.format(at);
        String date = amzDate.substring(0, 8);
        Map<String, String> sent = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        sent.putAll(headers);
        sent.put("X-Amz-Date", amzDate);

        // TreeMap with lower-cased keys gives the sorted order SignedHeaders requires.
        Map<String, String> canonical = new TreeMap<>();
        sent.forEach((name, value) -> canonical.put(name.toLowerCase(Locale.ROOT), value.strip().replaceAll("\\s+", " ")));
        String signedHeaders = String.join(";", canonical.keySet());
        String canonicalHeaders = canonical.entrySet().stream()
                .map(e -> e.getKey() + ':' + e.getValue() + '\n').collect(Collectors.joining());
        String canonicalRequest = method + "\n" + path + "\n\n" + canonicalHeaders + '\n' + signedHeaders + '\n' + sha256Hex(body);

        String scope = date + '/' + region + '/' + service + "/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + '\n' + scope + '\n'
                + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        String signature = HEX.formatHex(hmac(signingKey(secretAccessKey, date, region, service), stringToSign));

        sent.put("Authorization", "AWS4-HMAC-SHA256 Credential=" + accessKeyId + '/' + scope
                + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature);
        return sent;
    }

    /** The HMAC chain from the secret through date ({@code yyyyMMdd}), region and service. */
    static byte[] signingKey(String secretAccessKey, String date, String region, String service) {
        byte[] key = hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        return hmac(key, "aws4_request");
    }

    static String sha256Hex(byte[] data) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
