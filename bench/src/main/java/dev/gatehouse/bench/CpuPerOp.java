package dev.gatehouse.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Reports operations per CPU-second of the benchmark thread beside JMH's operations per wall-second. On a
 * machine shared with other builds the wall-clock rate also says how much CPU we were given; the CPU-time
 * rate says what one operation costs, which is what "per core" targets are about. JIT and GC threads are
 * not counted, so it slightly flatters allocation-heavy code.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class CpuPerOp {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * Shown as the secondary result "perCpuSecond". JMH divides an OPERATIONS counter by the iteration's
     * wall time and averages iterations, so it is stored scaled by wall/CPU time: what JMH prints is then
     * operations per CPU-second.
     */
    public double perCpuSecond;

    private long operations;
    private long cpuAtStart;
    private long wallAtStart;

    @Setup(Level.Iteration)
    public void start() {
        operations = 0;
        perCpuSecond = 0;
        wallAtStart = System.nanoTime();
        cpuAtStart = THREADS.getCurrentThreadCpuTime();
    }

    /** Called once per benchmarked operation. */
    void count() {
        operations++;
    }

    @TearDown(Level.Iteration)
    public void stop() {
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuAtStart;
        long wall = System.nanoTime() - wallAtStart;
        perCpuSecond = cpu == 0 ? 0 : operations * ((double) wall / cpu);
    }
}
