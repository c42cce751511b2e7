package dev.gatehouse.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the {@code wrk} load generator with a Lua script and reads back the figures its {@code done} hook
 * prints. Scripts are written to a temporary directory because they carry live tokens.
 */
final class Wrk {

    /** Appended to every script: one machine-readable line, so nothing depends on wrk's human output. */
    private static final String DONE = """
            done = function(summary, latency, requests)
              if report then report() end
              local e = summary.errors
              io.write(string.format("RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d non2xx=%d socket_errors=%d\\n",
                summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
                e.status, e.connect + e.read + e.write + e.timeout))
            end
            """;
    private static final Pattern RESULT = Pattern.compile(
            "RESULT requests=(\\d+) duration_us=(\\d+) p50_us=(\\d+) p99_us=(\\d+) non2xx=(\\d+) socket_errors=(\\d+)");

    private final Path scripts;
    private final int threads;
    private final int connections;

    Wrk(Path scripts, int threads, int connections) {
        this.scripts = scripts;
        this.threads = threads;
        this.connections = connections;
    }

    record Result(long requests, double seconds, double p50Micros, double p99Micros, long non2xx, long socketErrors,
                  String extraOutput) {
        double perSecond() {
            return requests / seconds;
        }
    }

    /** A request that never changes: method, path, headers and body fixed up front. */
    static String fixedRequest(String method, Map<String, String> headers, String body) {
        StringBuilder lua = new StringBuilder("wrk.method = ").append(lua(method)).append('\n');
        headers.forEach((name, value) -> lua.append("wrk.headers[").append(lua(name)).append("] = ")
                .append(lua(value)).append('\n'));
        if (body != null) {
            lua.append("wrk.body = ").append(lua(body)).append('\n');
        }
        return lua.toString();
    }

    Result run(String name, String url, String script, Duration duration) throws IOException, InterruptedException {
        Path file = scripts.resolve(name + ".lua");
        Files.writeString(file, script + DONE, StandardCharsets.UTF_8);
        List<String> command = List.of("wrk", "-t" + threads, "-c" + connections, "-d" + duration.toSeconds() + "s",
                "--timeout", "10s", "-s", file.toString(), url);
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IOException("wrk failed for " + name + ":\n" + output);
        }
        Matcher m = RESULT.matcher(output);
        if (!m.find()) {
            throw new IOException("no RESULT line from wrk for " + name + ":\n" + output);
        }
        List<String> extra = new ArrayList<>();
        output.lines().filter(l -> l.startsWith("COUNT ")).forEach(extra::add);
        return new Result(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)) / 1e6,
                Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)), Long.parseLong(m.group(5)),
                Long.parseLong(m.group(6)), String.join("; ", extra));
    }

    /** A Lua string literal; long brackets would also do, but escaping keeps the scripts readable. */
    static String lua(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
