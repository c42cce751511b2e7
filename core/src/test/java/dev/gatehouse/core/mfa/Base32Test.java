package dev.gatehouse.core.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.keys.Secrets;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Base32Test {

    /** RFC 4648 §10. */
    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(value = {"'', ''", "f, MY======", "fo, MZXQ====", "foo, MZXW6===", "foob, MZXW6YQ=",
            "fooba, MZXW6YTB", "foobar, MZXW6YTBOI======"})
    void encodeAndDecodeMatchRfc4648TestVectors(String text, String base32) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);

        assertThat(Base32.encode(bytes)).isEqualTo(base32);
        assertThat(Base32.decode(base32)).isEqualTo(bytes);
        assertThat(Base32.encodeUnpadded(bytes)).isEqualTo(base32.replace("=", ""));
    }

    @Test
    void randomSecretsRoundTripUnpadded() {
        for (int length = 0; length <= 40; length++) {
            byte[] secret = Secrets.randomBytes(length);

            assertThat(Base32.decode(Base32.encodeUnpadded(secret))).as("%d bytes", length).isEqualTo(secret);
        }
    }

    @Test
    void decodeAcceptsWhatPeopleTypeLowerCaseAndSpaced() {
        assertThat(Base32.decode("mzxw 6ytb oi")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void decodeWhenOutsideTheAlphabetThenRefused() {
        assertThatThrownBy(() -> Base32.decode("MZXW1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'1'");
    }

    @Test
    void twentyByteSecretIsThirtyTwoCharacters() {
        assertThat(Base32.encodeUnpadded(Secrets.randomBytes(20))).hasSize(32).matches("[A-Z2-7]+");
    }
}
