package dev.gatehouse.bench;

import java.util.Collection;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The SigV4 rows of the goal table: {@link SigV4VerificationBenchmark}'s verification of a GetCallerIdentity
 * request and its one-HMAC baseline, through JMH's runner with settings short enough for the one-run table
 * (one fork, 5 × 2 s warm-up, 3 × 2 s measured each), read per CPU-second of the benchmark thread
 * ({@link CpuPerOp}).
 *
 * @param verificationsPerCpuSecond GetCallerIdentity verifications per CPU-second, one thread
 * @param hmacsPerCpuSecond         HMAC-SHA256 of the string to sign per CPU-second, one thread
 */
record SigV4Floor(double verificationsPerCpuSecond, double hmacsPerCpuSecond) {

    /** How many HMACs one verification costs. */
    double timesOneHmac() {
        return hmacsPerCpuSecond / verificationsPerCpuSecond;
    }

    static SigV4Floor measure() throws RunnerException {
        String benchmark = SigV4VerificationBenchmark.class.getName();
        Options options = new OptionsBuilder()
                .include(benchmark + "\\.(verifyGetCallerIdentity|baselineHmacOfStringToSign)$")
                .forks(1)
                .warmupIterations(5).warmupTime(TimeValue.seconds(2))
                .measurementIterations(3).measurementTime(TimeValue.seconds(2))
                .build();
        Collection<RunResult> results = new Runner(options).run();
        return new SigV4Floor(perCpuSecond(results, "verifyGetCallerIdentity"),
                perCpuSecond(results, "baselineHmacOfStringToSign"));
    }

    private static double perCpuSecond(Collection<RunResult> results, String method) {
        RunResult run = results.stream().filter(r -> r.getParams().getBenchmark().endsWith("." + method))
                .findFirst().orElseThrow(() -> new IllegalStateException("JMH gave no result for " + method));
        Result<?> perCpu = run.getSecondaryResults().get("perCpuSecond");
        if (perCpu == null) {
            throw new IllegalStateException("no perCpuSecond counter for " + method);
        }
        return perCpu.getScore();
    }
}
