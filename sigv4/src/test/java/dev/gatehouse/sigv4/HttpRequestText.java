package dev.gatehouse.sigv4;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the suite's HTTP/1.1 request files: request line, header lines (repeats kept, obsolete folded
 * continuation lines joined as a server would), blank line, raw body. The request target is kept verbatim,
 * spaces and raw UTF-8 included, because that is what the suite signs.
 */
final class HttpRequestText {

    private HttpRequestText() {
    }

    static ReceivedRequest parse(byte[] file) {
        int headerEnd = indexOfBlankLine(file);
        String head = new String(file, 0, headerEnd < 0 ? file.length : headerEnd, StandardCharsets.UTF_8);
        byte[] body = headerEnd < 0 ? new byte[0] : Arrays.copyOfRange(file, bodyStart(file, headerEnd), file.length);

        List<String> lines = new ArrayList<>(List.of(head.split("\r?\n")));
        String requestLine = lines.removeFirst();
        int firstSpace = requestLine.indexOf(' ');
        int lastSpace = requestLine.lastIndexOf(' ');
        String method = requestLine.substring(0, firstSpace);
        String target = requestLine.substring(firstSpace + 1, lastSpace);
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        String query = question < 0 ? null : target.substring(question + 1);
        return new ReceivedRequest(method, path, query, headers(lines), body);
    }

    private static Map<String, List<String>> headers(List<String> lines) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        List<String> previous = null;
        for (String line : lines) {
            if (line.isEmpty()) {
                continue;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && previous != null) {
                // RFC 9112 section 5.2: a server may replace an obs-fold with a space.
                int last = previous.size() - 1;
                previous.set(last, previous.get(last) + " " + line.strip());
                continue;
            }
            int colon = line.indexOf(':');
            previous = headers.computeIfAbsent(line.substring(0, colon), n -> new ArrayList<>());
            previous.add(line.substring(colon + 1).strip());
        }
        return headers;
    }

    /** Start of the first empty line (the one ending the headers), or -1. */
    private static int indexOfBlankLine(byte[] file) {
        for (int i = 0; i < file.length; i++) {
            if (file[i] == '\n') {
                int next = i + 1;
                if (next < file.length && file[next] == '\r') {
                    next++;
                }
                if (next >= file.length || file[next] == '\n') {
                    return i;
                }
            }
        }
        return -1;
    }

    private static int bodyStart(byte[] file, int headerEnd) {
        int i = headerEnd + 1;
        if (i < file.length && file[i] == '\r') {
            i++;
        }
        return Math.min(file.length, i + 1);
    }
}
