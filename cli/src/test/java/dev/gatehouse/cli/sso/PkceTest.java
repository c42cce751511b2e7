package dev.gatehouse.cli.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PkceTest {

    @Test
    void challengeOfTheRfc7636AppendixBVerifierThenItsS256Challenge() {
        assertThat(Pkce.challengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void generateThenA43CharacterBase64urlVerifierAndItsChallenge() {
        Pkce pkce = Pkce.generate(new SecureRandom());

        assertThat(pkce.verifier()).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(pkce.challenge()).isEqualTo(Pkce.challengeOf(pkce.verifier())).hasSize(43);
    }

    @Test
    void generateTwiceThenTwoVerifiers() {
        SecureRandom random = new SecureRandom();

        assertThat(Pkce.generate(random).verifier()).isNotEqualTo(Pkce.generate(random).verifier());
    }
}
