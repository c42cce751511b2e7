package dev.gatehouse.core.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PkceTest {

    /** RFC 7636 Appendix B. */
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Test
    void s256WhenRfcExampleThenRfcChallenge() {
        assertThat(Pkce.s256(VERIFIER)).isEqualTo(CHALLENGE);
    }

    @Test
    void verifiesWhenVerifierMatchesChallengeThenTrue() {
        assertThat(Pkce.verifies(VERIFIER, CHALLENGE)).isTrue();
    }

    @Test
    void verifiesWhenVerifierIsAnotherThenFalse() {
        String other = "eBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

        assertThat(Pkce.verifies(other, CHALLENGE)).isFalse();
    }

    @Test
    void verifiesWhenVerifierIsTheChallengeItselfThenFalse() {
        assertThat(Pkce.verifies(CHALLENGE, CHALLENGE)).as("what the plain method would accept").isFalse();
    }

    @Test
    void verifiesWhenVerifierIsMalformedThenFalse() {
        assertThat(Pkce.verifies(null, CHALLENGE)).isFalse();
        assertThat(Pkce.verifies("short", Pkce.s256("short"))).as("under 43 characters").isFalse();
        String tooLong = "a".repeat(129);
        assertThat(Pkce.verifies(tooLong, Pkce.s256(tooLong))).as("over 128 characters").isFalse();
        String withSpace = "a".repeat(42) + " ";
        assertThat(Pkce.verifies(withSpace, Pkce.s256(withSpace))).as("not unreserved characters").isFalse();
    }

    @Test
    void verifiesWhenAwsCliShapedVerifierThenTrue() {
        // botocore draws 64 characters from letters, digits and "-._~".
        String verifier = "Ab0-._~".repeat(9) + "z";

        assertThat(Pkce.verifies(verifier, Pkce.s256(verifier))).isTrue();
    }

    @Test
    void wellFormedChallengeWhenBase64UrlOfSha256ThenTrueElseFalse() {
        assertThat(Pkce.wellFormedChallenge(CHALLENGE)).isTrue();
        assertThat(Pkce.wellFormedChallenge(CHALLENGE + "=")).as("padded").isFalse();
        assertThat(Pkce.wellFormedChallenge(CHALLENGE.substring(1))).as("42 characters").isFalse();
        assertThat(Pkce.wellFormedChallenge(CHALLENGE.replace('-', '+'))).as("plain base64").isFalse();
        assertThat(Pkce.wellFormedChallenge(null)).isFalse();
    }
}
