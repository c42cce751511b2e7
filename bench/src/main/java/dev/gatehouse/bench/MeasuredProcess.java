package dev.gatehouse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A server under load, as /proc sees it: what {@link LoadMeter} bills each run to. */
interface MeasuredProcess {

    /** The process whose counters are read: the server's JVM itself, not a launcher script. */
    ProcessHandle measured();

    /** User plus system CPU time the server process has used so far. */
    default Duration cpuTime() {
        return measured().info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("no CPU time for pid " + measured().pid()));
    }

    /**
     * Bytes the server has caused to be written to storage so far (/proc/&lt;pid&gt;/io write_bytes): the
     * database file and logs, not sockets. Shows whether an endpoint writes at all.
     */
    default long storageWriteBytes() throws IOException {
        return procField("io", "write_bytes:");
    }

    /** Resident set size in MiB, from /proc/&lt;pid&gt;/status. */
    default long rssMebibytes() throws IOException {
        return procField("status", "VmRSS:") / 1024;
    }

    private long procField(String file, String field) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(measured().pid()), file)).stream()
                .filter(l -> l.startsWith(field))
                .mapToLong(l -> Long.parseLong(l.substring(field.length()).replaceAll("\\D", "")))
                .findFirst().orElse(-1);
    }
}
