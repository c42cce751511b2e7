package dev.gatehouse.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** File options reach the server, which runs in another working directory, as absolute paths. */
class PathArgumentsTest {

    @Test
    void absoluteWhenFileOptionsAreRelativeThenOnlyTheyBecomeAbsolute() {
        String here = Path.of("").toAbsolutePath().toString();

        assertThat(PathArguments.absolute(List.of("backup", "--to", "nightly.zip")))
                .containsExactly("backup", "--to", here + "/nightly.zip");
        assertThat(PathArguments.absolute(List.of("restore", "--from=/srv/b.zip")))
                .containsExactly("restore", "--from=/srv/b.zip");
        assertThat(PathArguments.absolute(List.of("users", "create", "--user-name", "to")))
                .containsExactly("users", "create", "--user-name", "to");
    }
}
