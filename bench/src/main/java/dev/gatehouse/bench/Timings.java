package dev.gatehouse.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** p50 and p99 of calls made one after another, after a quarter as many to warm up; Markdown rows. */
final class Timings {

    static final int CALLS = 200;

    /** A named call to time. */
    record Call(String name, Callable<?> call) { }

    private Timings() {
    }

    static void header() {
        System.out.println("| call | p50 ms | p99 ms |");
        System.out.println("|---|---:|---:|");
    }

    static void row(String name, Callable<?> call) throws Exception {
        interleaved(List.of(new Call(name, call)), CALLS);
    }

    /** Each round calls every one once, so a change of the machine's load falls on all of them alike. */
    static void interleaved(List<Call> calls, int rounds) throws Exception {
        for (int i = 0; i < rounds / 4; i++) {
            for (Call call : calls) {
                call.call().call();
            }
        }
        long[][] nanos = new long[calls.size()][rounds];
        for (int i = 0; i < rounds; i++) {
            for (int c = 0; c < calls.size(); c++) {
                long start = System.nanoTime();
                calls.get(c).call().call();
                nanos[c][i] = System.nanoTime() - start;
            }
        }
        for (int c = 0; c < calls.size(); c++) {
            Arrays.sort(nanos[c]);
            System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f |%n", calls.get(c).name(), nanos[c][rounds / 2] / 1e6,
                    nanos[c][rounds * 99 / 100] / 1e6);
        }
    }
}
