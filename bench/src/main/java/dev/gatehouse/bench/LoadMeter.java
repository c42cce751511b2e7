package dev.gatehouse.bench;

import java.time.Duration;
import java.util.List;

/**
 * Runs one measured load (wrk or {@link ClosedLoopLoad}) against a server and bills it the server's CPU time
 * and storage writes over the same interval. Shared by {@link HttpLoadRun} and {@link GoalTableRun}, and used
 * for Gatehouse and Keycloak alike so both are measured by the same clients.
 */
final class LoadMeter {

    /** One measured run. */
    record Row(String endpoint, String client, double perSecond, double p50Micros, double p99Micros, long failures,
               Duration serverCpu, long storageWrites, double seconds, String note) {

        double serverCpuMicrosPerRequest() {
            return serverCpu.toNanos() / 1e3 / (perSecond * seconds);
        }

        /** Requests answered per second of server CPU: the cost figure that survives a busy machine. */
        double perServerCpuSecond() {
            return 1e6 / serverCpuMicrosPerRequest();
        }

        double storageBytesPerRequest() {
            return storageWrites / (perSecond * seconds);
        }
    }

    private final MeasuredProcess server;
    private final Wrk wrk;
    private final Duration measure;

    LoadMeter(MeasuredProcess server, Wrk wrk, Duration measure) {
        this.server = server;
        this.wrk = wrk;
        this.measure = measure;
    }

    Duration measure() {
        return measure;
    }

    /** Unmeasured load, for the JIT. */
    void warmUp(String name, String url, String script, Duration time) throws Exception {
        wrk.run("warm-" + name, url, script, time);
    }

    Row wrk(String endpoint, String name, String url, String script) throws Exception {
        Duration cpuBefore = server.cpuTime();
        long writesBefore = server.storageWriteBytes();
        Wrk.Result r = wrk.run(name, url, script, measure);
        Duration cpu = server.cpuTime().minus(cpuBefore);
        long writes = server.storageWriteBytes() - writesBefore;
        return new Row(endpoint, "wrk", r.perSecond(), r.p50Micros(), r.p99Micros(), r.non2xx() + r.socketErrors(),
                cpu, writes, r.seconds(), r.extraOutput());
    }

    Row java(String endpoint, List<? extends ClosedLoopLoad.Call> calls) throws Exception {
        Duration cpuBefore = server.cpuTime();
        long writesBefore = server.storageWriteBytes();
        ClosedLoopLoad.Result r = ClosedLoopLoad.run(calls, measure);
        Duration cpu = server.cpuTime().minus(cpuBefore);
        long writes = server.storageWriteBytes() - writesBefore;
        return new Row(endpoint, "java", r.perSecond(), r.p50Micros(), r.p99Micros(), r.failures(), cpu, writes,
                r.seconds(), "");
    }
}
