package dev.gatehouse.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The suite must fail loudly, not skip, when the vectors are not beside the project. */
class SigningTestSuiteTest {

    @Test
    void findsTheSuiteBesideAnAncestor(@TempDir Path root) throws IOException {
        Path suite = Files.createDirectories(root.resolve(SigningTestSuite.RELATIVE_LOCATION));
        Path module = Files.createDirectories(root.resolve("project/sigv4"));
        assertThat(SigningTestSuite.locateFrom(module)).isEqualTo(suite);
    }

    @Test
    void failsNamingWhereItLookedWhenTheSuiteIsMissing(@TempDir Path root) throws IOException {
        Path module = Files.createDirectories(root.resolve("project/sigv4"));
        assertThatThrownBy(() -> SigningTestSuite.locateFrom(module))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("AWS SigV4 test suite not found")
                .hasMessageContaining(module.resolve(SigningTestSuite.RELATIVE_LOCATION).toString())
                .hasMessageContaining(root.resolve(SigningTestSuite.RELATIVE_LOCATION).toString());
    }
}
