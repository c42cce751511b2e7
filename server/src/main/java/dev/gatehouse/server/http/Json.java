package dev.gatehouse.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.http.Context;

/**
 * The server's one Jackson configuration. Reading is strict: a JSON value followed by anything but whitespace is
 * refused, as AWS refuses it, rather than read up to the end of the first value.
 */
public final class Json {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

    private Json() {
    }

    /** Output shapes are records, maps and lists of plain values, which always serialize. */
    public static String write(Object value) {
        return write(MAPPER.writer(), value);
    }

    /** Indented, for people to read. */
    public static String writePretty(Object value) {
        return write(PRETTY, value);
    }

    /** Answers 200 with {@code value} as the JSON body. */
    public static void respond(Context ctx, Object value) {
        ctx.contentType("application/json").result(write(value));
    }

    private static String write(ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain values always serialize", e);
        }
    }
}
