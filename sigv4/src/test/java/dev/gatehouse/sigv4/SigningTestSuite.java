package dev.gatehouse.sigv4;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The AWS SigV4 test suite (from awslabs/aws-c-auth) kept at {@code <project root>/../shared/vectors}.
 * CI clones the project elsewhere with {@code shared/} beside it, so it is found by walking up from the
 * working directory rather than by a fixed path.
 */
final class SigningTestSuite {

    static final String RELATIVE_LOCATION = "shared/vectors/aws-signing-test-suite/v4";

    private SigningTestSuite() {
    }

    /** The suite directory; fails (never skips) when it is missing, naming every place looked at. */
    static Path locate() {
        return locateFrom(Path.of(System.getProperty("user.dir")));
    }

    /** Checks {@code <dir>/shared/vectors/...} for {@code start} and each of its ancestors. */
    static Path locateFrom(Path start) {
        List<Path> looked = new ArrayList<>();
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE_LOCATION);
            looked.add(candidate);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return fail("AWS SigV4 test suite not found; expected <project root>/../" + RELATIVE_LOCATION
                + ". Looked in: " + looked);
    }

    static List<Case> cases(Path suite) {
        try (Stream<Path> dirs = Files.list(suite)) {
            return dirs.filter(Files::isDirectory).sorted().map(Case::load).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The suite's two signing forms; each case may carry files for either or both. */
    enum Form {
        HEADER("header"), QUERY("query");

        final String prefix;

        Form(String prefix) {
            this.prefix = prefix;
        }
    }

    /** One case directory and its {@code context.json}. */
    record Case(String name, Path dir, String accessKeyId, String secretAccessKey, String sessionToken,
            String region, String service, Instant timestamp, boolean normalize, boolean omitSessionToken) {

        private static final ObjectMapper JSON = new ObjectMapper();

        static Case load(Path dir) {
            try {
                JsonNode context = JSON.readTree(dir.resolve("context.json").toFile());
                JsonNode credentials = context.required("credentials");
                return new Case(dir.getFileName().toString(), dir,
                        credentials.required("access_key_id").asText(),
                        credentials.required("secret_access_key").asText(),
                        credentials.hasNonNull("token") ? credentials.get("token").asText() : null,
                        context.required("region").asText(),
                        context.required("service").asText(),
                        Instant.parse(context.required("timestamp").asText()),
                        context.path("normalize").asBoolean(true),
                        context.path("omit_session_token").asBoolean(false));
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + dir.resolve("context.json"), e);
            }
        }

        Path file(Form form, String stage) {
            return dir.resolve(form.prefix + "-" + stage + ".txt");
        }

        boolean has(Form form) {
            return Files.isRegularFile(file(form, "signed-request"));
        }

        Optional<String> text(Form form, String stage) {
            Path file = file(form, stage);
            try {
                return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        byte[] bytes(Form form, String stage) {
            try {
                return Files.readAllBytes(file(form, stage));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        CanonicalizationOptions options() {
            return normalize ? CanonicalizationOptions.STANDARD : CanonicalizationOptions.UNNORMALIZED_PATH;
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
