package dev.gatehouse.core.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OtpAuthUriTest {

    private static final byte[] SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void uriCarriesIssuerAccountSecretAndTheStandardParameters() {
        assertThat(OtpAuthUri.of("Gatehouse", "ed.developer", SECRET, Totp.STANDARD)).isEqualTo(
                "otpauth://totp/Gatehouse:ed.developer?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Gatehouse"
                        + "&algorithm=SHA1&digits=6&period=30");
    }

    @Test
    void uriPercentEncodesSpacesAndReservedCharactersOfLabelAndIssuer() {
        assertThat(OtpAuthUri.of("Acme Corp", "ed+dev@example.com", SECRET, Totp.STANDARD))
                .startsWith("otpauth://totp/Acme%20Corp:ed%2Bdev%40example.com?secret=")
                .contains("&issuer=Acme%20Corp&");
    }
}
