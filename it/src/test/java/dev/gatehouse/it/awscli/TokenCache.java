package dev.gatehouse.it.awscli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/** {@code ~/.aws/sso/cache}, which the AWS CLI, the SDKs and {@code gatehouse} share. */
final class TokenCache {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;

    TokenCache(Path directory) {
        this.directory = directory;
    }

    /** The token file of an {@code sso-session} (its name) or of a legacy profile (its start URL). */
    static String fileName(String sessionNameOrStartUrl) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest(sessionNameOrStartUrl.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest) + ".json";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    Path file(String sessionNameOrStartUrl) {
        return directory.resolve(fileName(sessionNameOrStartUrl));
    }

    JsonNode token(String sessionNameOrStartUrl) {
        try {
            return JSON.readTree(file(sessionNameOrStartUrl).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Leaves the token as the passing of time would: expiring {@code remaining} from now (negative: already
     * expired). The tools read the wall clock, which a test cannot step.
     */
    void expireIn(String sessionNameOrStartUrl, Duration remaining) {
        ObjectNode token = (ObjectNode) token(sessionNameOrStartUrl);
        token.put("expiresAt", Instant.now().plus(remaining).truncatedTo(ChronoUnit.SECONDS).toString());
        try {
            JSON.writeValue(file(sessionNameOrStartUrl).toFile(), token);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
