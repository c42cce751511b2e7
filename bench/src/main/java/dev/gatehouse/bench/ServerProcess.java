package dev.gatehouse.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@link BenchServer} in a child JVM, with what the load run reads about it: CPU time consumed (from
 * /proc, via ProcessHandle) and resident memory.
 */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final long startupMillis;

    private ServerProcess(Process process, long startupMillis) {
        this.process = process;
        this.startupMillis = startupMillis;
    }

    static ServerProcess start(Path workDir, int refreshChains, int pendingDeviceCodes) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                // Start-up and errors only: the server logs nothing per request at this level.
                "-Dgatehouse.log.level=WARN"));
        command.addAll(LauncherJvmOptions.defaults());   // the launcher's heap: what a deployment runs with
        // e.g. -Dgatehouse.bench.serverJvmArgs=-XX:StartFlightRecording=filename=/tmp/server.jfr to profile
        String extra = System.getProperty("gatehouse.bench.serverJvmArgs", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of(BenchServer.class.getName(), workDir.resolve("data").toString(),
                workDir.resolve("fixture.properties").toString(),
                Integer.toString(refreshChains), Integer.toString(pendingDeviceCodes)));
        Process process = new ProcessBuilder(command)
                .redirectError(workDir.resolve("server.log").toFile())
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long startup = -1;
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith(BenchServer.STARTED + " ")) {
                startup = Long.parseLong(line.substring(BenchServer.STARTED.length() + 1));
            } else if (line.equals(BenchServer.READY)) {
                return new ServerProcess(process, startup);
            }
        }
        process.destroyForcibly();
        throw new IOException("server exited before it was ready; see " + workDir.resolve("server.log") + ":\n"
                + Files.readString(workDir.resolve("server.log")));
    }

    long pid() {
        return process.pid();
    }

    /** JVM start to listening, as the server measured it. */
    long startupMillis() {
        return startupMillis;
    }

    /** User plus system CPU time the server process has used so far. */
    Duration cpuTime() {
        return process.info().totalCpuDuration().orElseThrow(() -> new IllegalStateException("no CPU time for pid"));
    }

    /**
     * Bytes the server has caused to be written to storage so far (/proc/&lt;pid&gt;/io write_bytes): the
     * database file and logs, not sockets. Shows whether an endpoint writes at all.
     */
    long storageWriteBytes() throws IOException {
        return procField("io", "write_bytes:");
    }

    /** Resident set size in MiB, from /proc/&lt;pid&gt;/status. */
    long rssMebibytes() throws IOException {
        return procField("status", "VmRSS:") / 1024;
    }

    private long procField(String file, String field) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), file)).stream()
                .filter(l -> l.startsWith(field))
                .mapToLong(l -> Long.parseLong(l.substring(field.length()).replaceAll("\\D", "")))
                .findFirst().orElse(-1);
    }

    @Override
    public void close() throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // already gone
        }
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
