package dev.gatehouse.server.admin;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.gatehouse.server.http.Json;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The admin socket's wire format, ours and tiny. The client sends one request: a 4-byte big-endian length (at most
 * {@link #MAX_REQUEST} bytes) and the arguments as a UTF-8 JSON array of strings. The server answers with frames:
 * a kind byte, a 4-byte length and that many bytes of UTF-8 text — {@link #OUT} and {@link #ERR} for what the
 * command prints, as it prints it — and ends with one {@link #EXIT} frame whose length field is the exit code.
 */
final class AdminFrames {

    static final byte OUT = 'o';
    static final byte ERR = 'e';
    static final byte EXIT = 'x';

    /** Far above any command line (a policy document passed inline is a few KiB); the server reads no more. */
    static final int MAX_REQUEST = 256 * 1024;
    /** What one output frame may carry; longer output comes in several. */
    static final int MAX_FRAME = 64 * 1024;

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private AdminFrames() {
    }

    static void writeRequest(OutputStream out, List<String> args) throws IOException {
        byte[] json = Json.MAPPER.writeValueAsBytes(args);
        if (json.length > MAX_REQUEST) {
            throw new IOException("the command line is longer than " + MAX_REQUEST + " bytes");
        }
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(json.length);
        data.write(json);
        data.flush();
    }

    /** @throws IOException when the request is longer than {@link #MAX_REQUEST}, cut short or not a string array */
    static List<String> readRequest(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int length = data.readInt();
        if (length < 0 || length > MAX_REQUEST) {
            throw new IOException("request of " + length + " bytes refused (at most " + MAX_REQUEST + ")");
        }
        byte[] json = data.readNBytes(length);
        if (json.length < length) {
            throw new EOFException("request cut short");
        }
        List<String> args = Json.MAPPER.readValue(json, STRINGS);
        if (args == null || args.contains(null)) {
            throw new IOException("request is not an array of strings");
        }
        return args;
    }

    /** Split on characters, never inside one: a UTF-8 character takes at most 3 bytes per {@code char}. */
    static void writeFrame(DataOutputStream out, byte kind, String text) throws IOException {
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + MAX_FRAME / 3);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            byte[] bytes = text.substring(start, end).getBytes(StandardCharsets.UTF_8);
            out.writeByte(kind);
            out.writeInt(bytes.length);
            out.write(bytes);
            start = end;
        }
        out.flush();
    }

    static void writeExit(DataOutputStream out, int exitCode) throws IOException {
        out.writeByte(EXIT);
        out.writeInt(exitCode);
        out.flush();
    }

    /** One frame as the client reads it: its kind, and its text or (for {@link #EXIT}) the exit code. */
    record Frame(byte kind, String text, int exitCode) {

        static Frame read(DataInputStream in) throws IOException {
            byte kind = in.readByte();
            int length = in.readInt();
            if (kind == EXIT) {
                return new Frame(kind, "", length);
            }
            if ((kind != OUT && kind != ERR) || length < 0 || length > MAX_FRAME) {
                throw new IOException("unexpected frame from the server (kind " + kind + ", " + length + " bytes)");
            }
            byte[] bytes = in.readNBytes(length);
            if (bytes.length < length) {
                throw new EOFException("frame cut short");
            }
            return new Frame(kind, new String(bytes, StandardCharsets.UTF_8), 0);
        }
    }
}
