package dev.gatehouse.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NextPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/start", "/device?user_code=BCDF-GHJK", "/start#accounts", "/a/b?c=d&e=f"})
    void safeWhenPathOnThisOriginThenKept(String next) {
        assertThat(NextPaths.safe(next)).isEqualTo(next);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "start", "https://evil.example/", "//evil.example", "///evil.example",
            "/\\evil.example", "\\\\evil.example", "javascript:alert(1)", "/start\r\nSet-Cookie: x=y", "/ start",
            "/signin", "/signin?next=/start", "/signout", "/%zz"})
    void safeWhenAnythingElseThenStart(String next) {
        assertThat(NextPaths.safe(next)).isEqualTo(NextPaths.DEFAULT);
    }

    @Test
    void safeWhenNullThenStart() {
        assertThat(NextPaths.safe(null)).isEqualTo("/start");
    }

    @Test
    void safeWhenUnreasonablyLongThenStart() {
        assertThat(NextPaths.safe("/" + "a".repeat(5000))).isEqualTo("/start");
    }

    @Test
    void signInThenKeepsPathReadableButEscapesWhatWouldSplitTheQuery() {
        assertThat(NextPaths.signInThen("/device?user_code=BCDF-GHJK")).isEqualTo(
                "/signin?next=/device?user_code=BCDF-GHJK");
        assertThat(NextPaths.signInThen("/a?b=c&d=e f+g#h%")).isEqualTo("/signin?next=/a?b=c%26d=e%20f%2Bg%23h%25");
        assertThat(NextPaths.signInThen("/é")).isEqualTo("/signin?next=/%C3%A9");
    }
}
