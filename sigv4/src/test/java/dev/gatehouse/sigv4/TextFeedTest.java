package dev.gatehouse.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextFeedTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "ascii", "a value longer than the feed's buffer, ", "ümlaut after ascii", "ሴ first",
            "a surrogate pair 😀 then ascii", "mixed ß and 😀 and é"})
    void hashesTextAsItsUtf8Bytes(String piece) {
        String text = piece.repeat(7) + '\n' + piece;
        MessageDigest fed = Hashing.sha256();
        TextFeed feed = new TextFeed(fed::update);
        feed.append(piece.repeat(7)).append('\n').append(piece);
        feed.append('é').append('x');
        feed.flush();

        assertThat(Hashing.hex(fed.digest()))
                .isEqualTo(Hashing.sha256Hex((text + "éx").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void hashesALongTextWhoseFirstNonAsciiCharacterComesAfterAWholeBuffer() {
        String text = "0123456789".repeat(20) + "ü and 😀" + "abcdefghij".repeat(20);
        MessageDigest fed = Hashing.sha256();
        TextFeed feed = new TextFeed(fed::update);
        feed.append('>').append(text).append("<" + "-".repeat(30));
        feed.flush();

        assertThat(Hashing.hex(fed.digest())).isEqualTo(Hashing.sha256Hex(
                (">" + text + "<" + "-".repeat(30)).getBytes(StandardCharsets.UTF_8)));
    }
}
