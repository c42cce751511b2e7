package dev.gatehouse.it.awscli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command still running, as a person at a terminal sees it: its output (stdout and stderr together) as it
 * arrives, and a keyboard. Every wait is bounded; closing it kills the command and whatever it started.
 */
final class RunningCommand implements AutoCloseable {

    private final String description;
    private final Process process;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition grew = lock.newCondition();
    private final StringBuilder output = new StringBuilder();
    private final Thread reader;
    private boolean ended;
    private int consumed;

    RunningCommand(String description, Process process) {
        this.description = description;
        this.process = process;
        this.reader = Thread.ofVirtual().name("output of " + description).start(this::readOutput);
    }

    private void readOutput() {
        byte[] buffer = new byte[8192];
        try (InputStream in = process.getInputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            append("\n[reading the output failed: " + e + "]\n");
        } finally {
            lock.lock();
            try {
                ended = true;
                grew.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private void append(String text) {
        lock.lock();
        try {
            output.append(text);
            grew.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until output that arrived since the previous match contains {@code pattern}, and returns the match.
     * Fails, showing everything printed, when the command ends or {@code timeout} passes first.
     */
    Matcher awaitOutput(Pattern pattern, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                Matcher matcher = pattern.matcher(output);
                if (matcher.find(consumed)) {
                    consumed = matcher.end();
                    return matcher;
                }
                long left = deadline - System.nanoTime();
                if (ended || left <= 0) {
                    throw new AssertionError("%s %s before printing /%s/; it printed:%n%s".formatted(description,
                            ended ? "ended" : "did not finish within " + timeout, pattern, output));
                }
                grew.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + description, e);
        } finally {
            lock.unlock();
        }
    }

    /** Types a line and presses Enter, as on a terminal (a carriage return, which a terminal sends). */
    void typeLine(String text) {
        try {
            OutputStream keyboard = process.getOutputStream();
            keyboard.write((text + "\r").getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot type into " + description + "; it printed:\n" + output(), e);
        }
    }

    /** Waits for the command to end and for all its output; fails, showing the output, after {@code timeout}. */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("%s did not end within %s; it printed:%n%s".formatted(description, timeout,
                        output()));
            }
            if (!reader.join(timeout)) {
                throw new AssertionError(description + " ended but its output did not close within " + timeout);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + description, e);
        }
    }

    String output() {
        lock.lock();
        try {
            return output.toString();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
