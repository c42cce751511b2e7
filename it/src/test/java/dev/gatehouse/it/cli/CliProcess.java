package dev.gatehouse.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One running {@code bin/gatehouse}: its standard output and error collected as they arrive, so a test can wait
 * for a line (the device code) while the command keeps running, then for its exit.
 */
final class CliProcess implements AutoCloseable {

    /** What a finished command left: exit code, standard output, standard error. */
    record Result(int exitCode, String out, String err) {

        Result assertSucceeded() {
            assertThat(exitCode).as("exit code; stdout:%n%s%nstderr:%n%s", out, err).isZero();
            return this;
        }

        /** A failure as item 3 wants it: its exit code, one line on stderr, no stack trace. */
        Result assertFailedWith(int expectedExitCode, String messagePart) {
            assertThat(exitCode).as("exit code; stdout:%n%s%nstderr:%n%s", out, err).isEqualTo(expectedExitCode);
            assertThat(err.lines().toList()).as("stderr").hasSize(1);
            assertThat(err).startsWith("Error: ").contains(messagePart).doesNotContain("\tat ");
            return this;
        }
    }

    private final Process process;
    private final String command;
    private final StringBuilder out = new StringBuilder();
    private final StringBuilder err = new StringBuilder();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final Thread outReader;
    private final Thread errReader;

    CliProcess(Process process, String command, String stdin) {
        this.process = process;
        this.command = command;
        this.outReader = Thread.ofVirtual().start(() -> collect(process.getInputStream(), out));
        this.errReader = Thread.ofVirtual().start(() -> collect(process.getErrorStream(), err));
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The command may have ended before reading its input; its exit code tells.
        }
    }

    /** Waits until standard output matches {@code pattern}; fails with all output if the command ends first. */
    Matcher awaitOutput(Pattern pattern, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        lock.lock();
        try {
            while (true) {
                Matcher matcher = pattern.matcher(out);
                if (matcher.find()) {
                    return matcher;
                }
                Duration left = Duration.between(Instant.now(), deadline);
                if (left.isNegative() || (!process.isAlive() && !outReader.isAlive())) {
                    throw new AssertionError("'" + command + "' did not print " + pattern + "; stdout:\n" + out
                            + "\nstderr:\n" + err);
                }
                arrived.await(Math.min(left.toMillis(), 200), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            lock.unlock();
        }
    }

    Result awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("'" + command + "' still running after " + timeout + "; stdout:\n" + out
                        + "\nstderr:\n" + err);
            }
            outReader.join(timeout.toMillis());
            errReader.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        lock.lock();
        try {
            return new Result(process.exitValue(), out.toString(), err.toString());
        } finally {
            lock.unlock();
        }
    }

    private void collect(InputStream stream, StringBuilder into) {
        byte[] buffer = new byte[4096];
        try (stream) {
            for (int read = stream.read(buffer); read >= 0; read = stream.read(buffer)) {
                lock.lock();
                try {
                    into.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                    arrived.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
