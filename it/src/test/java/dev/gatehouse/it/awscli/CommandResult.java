package dev.gatehouse.it.awscli;

import static org.assertj.core.api.Assertions.assertThat;

/** What a finished command printed, and how it ended. */
record CommandResult(String command, int exitCode, String stdout, String stderr) {

    CommandResult assertSucceeded() {
        assertThat(exitCode).as("exit code of `%s`%nstdout:%n%s%nstderr:%n%s", command, stdout, stderr).isZero();
        return this;
    }

    CommandResult assertFailed() {
        assertThat(exitCode).as("exit code of `%s`%nstdout:%n%s%nstderr:%n%s", command, stdout, stderr).isNotZero();
        return this;
    }
}
