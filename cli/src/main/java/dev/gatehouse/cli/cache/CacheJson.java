package dev.gatehouse.cli.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** Reading and writing the JSON of one cache file; a missing or unreadable file reads as nothing. */
final class CacheJson {

    static final ObjectMapper JSON = new ObjectMapper();

    private CacheJson() {
    }

    static Optional<ObjectNode> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            return node instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
        } catch (IOException e) {
            // Another tool's half-written or foreign file: the AWS CLI ignores those too.
            return Optional.empty();
        }
    }

    static void write(Path file, ObjectNode content) {
        try {
            LockedFiles.writeAtomically(file, JSON.writeValueAsString(content));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serializes", e);
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static Instant instant(JsonNode node, String field) {
        return CacheTimestamps.parse(text(node, field)).orElse(null);
    }

    static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    static void putIfPresent(ObjectNode node, String field, Instant value) {
        if (value != null) {
            node.put(field, CacheTimestamps.format(value));
        }
    }
}
