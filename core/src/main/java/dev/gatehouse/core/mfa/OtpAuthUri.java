package dev.gatehouse.core.mfa;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The {@code otpauth://totp/…} URI that an authenticator app reads from a QR code, in the Key Uri Format
 * that Google Authenticator defined and the other apps follow: the label is {@code issuer:account}, and
 * the issuer is repeated as a parameter because some apps read only one of the two.
 */
public final class OtpAuthUri {

    private OtpAuthUri() {
    }

    public static String of(String issuer, String accountName, byte[] secret, Totp totp) {
        return "otpauth://totp/" + encoded(issuer) + ":" + encoded(accountName)
                + "?secret=" + Base32.encodeUnpadded(secret)
                + "&issuer=" + encoded(issuer)
                + "&algorithm=" + totp.algorithm().name()
                + "&digits=" + totp.digits()
                + "&period=" + totp.period().toSeconds();
    }

    /** Percent-encoding; a space is {@code %20}, since apps do not read {@code +} as a space in a path. */
    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
