package dev.gatehouse.it.awscli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Child processes with exactly the given environment, every wait bounded. */
final class Commands {

    private Commands() {
    }

    /** Runs a command to its end with no input; fails if it runs longer than {@code timeout}. */
    static CommandResult run(List<String> command, Map<String, String> environment, Path directory,
                             Duration timeout) {
        Process process = start(command, environment, directory, false);
        String shown = String.join(" ", command);
        try {
            process.getOutputStream().close();
            CompletableFuture<String> stdout = readAll(process.getInputStream());
            CompletableFuture<String> stderr = readAll(process.getErrorStream());
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("`%s` did not end within %s".formatted(shown, timeout));
            }
            return new CommandResult(shown, process.exitValue(), stdout.get(timeout.toMillis(), TimeUnit.MILLISECONDS),
                    stderr.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + shown, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the output of " + shown, e);
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /** Starts a command the test watches and answers while it runs; stdout and stderr come as one stream. */
    static RunningCommand start(String description, List<String> command, Map<String, String> environment,
                                Path directory) {
        return new RunningCommand(description, start(command, environment, directory, true));
    }

    private static Process start(List<String> command, Map<String, String> environment, Path directory,
                                 boolean mergeOutput) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(mergeOutput);
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    private static CompletableFuture<String> readAll(InputStream stream) {
        CompletableFuture<String> text = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (stream) {
                text.complete(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                text.completeExceptionally(e);
            }
        });
        return text;
    }
}
