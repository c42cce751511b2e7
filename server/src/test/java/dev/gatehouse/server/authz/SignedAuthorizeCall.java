package dev.gatehouse.server.authz;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code POST /authz/v1/authorize} signed with a service credential as a protected service signs it (SigV4, header
 * form, signing name {@code gatehouse-authz}). Written apart from the verifier, as a client would sign.
 */
final class SignedAuthorizeCall {

    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();
    private static final String REGION = "us-east-1";

    private SignedAuthorizeCall() {
    }

    static HttpRequest of(URI uri, String accessKeyId, String secret, Instant at, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String amzDate = AMZ_DATE.format(at);
        String date = amzDate.substring(0, 8);
        String host = uri.getHost() + ":" + uri.getPort();
        String signedHeaders = "content-type;host;x-amz-date";
        String canonicalRequest = "POST\n" + uri.getPath() + "\n\ncontent-type:application/json\nhost:" + host
                + "\nx-amz-date:" + amzDate + "\n\n" + signedHeaders + "\n" + sha256Hex(bytes);
        String scope = date + "/" + REGION + "/gatehouse-authz/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        for (String part : new String[] {REGION, "gatehouse-authz", "aws4_request"}) {
            key = hmac(key, part);
        }
        return HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .header("X-Amz-Date", amzDate)
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + accessKeyId + "/" + scope
                        + ", SignedHeaders=" + signedHeaders + ", Signature=" + HEX.formatHex(hmac(key, stringToSign)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
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
