package dev.gatehouse.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@link BenchServer} in a child JVM, with what the load run reads about it: CPU time consumed (from
 * /proc, via ProcessHandle) and resident memory.
 */
final class ServerProcess implements MeasuredProcess, AutoCloseable {

    private final Process process;
    private final long startupMillis;

    private ServerProcess(Process process, long startupMillis) {
        this.process = process;
        this.startupMillis = startupMillis;
    }

    static ServerProcess start(Path workDir, int refreshChains, int pendingDeviceCodes) throws IOException {
        List<String> arguments = List.of(workDir.resolve("fixture.properties").toString(),
                Integer.toString(refreshChains), Integer.toString(pendingDeviceCodes));
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
        command.addAll(List.of(BenchServer.class.getName(), workDir.resolve("data").toString()));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(workDir.resolve("server.log").toFile()))
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

    @Override
    public ProcessHandle measured() {
        return process.toHandle();
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
