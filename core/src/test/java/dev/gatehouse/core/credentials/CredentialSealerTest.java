package dev.gatehouse.core.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.keys.SealingKey;
import dev.gatehouse.core.keys.Secrets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

public class CredentialSealerTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    public static SealingKey key(int id) {
        return new SealingKey(id, Secrets.randomBytes(32), NOW);
    }

    public static RoleSessionClaims claims() {
        return new RoleSessionClaims("ASIAABCDEFGHIJKLMNOP", "secret/with+chars", "session-1", "user-1", "ed.developer",
                "111122223333", "arn:aws:sso:::permissionSet/ssoins-1/ps-1", "AWSReservedSSO_Power_0123456789abcdef",
                NOW, NOW.plusSeconds(3600));
    }

    @Test
    void unsealWhenSealedBySameKeyThenSameClaims() {
        CredentialSealer sealer = new CredentialSealer(List.of(key(1)));

        assertThat(sealer.unseal(sealer.seal(claims()))).contains(claims());
    }

    @Test
    void unsealWhenClaimsCarryPrincipalTagsThenTheyComeBack() {
        CredentialSealer sealer = new CredentialSealer(List.of(key(1)));
        RoleSessionClaims c = claims();
        RoleSessionClaims tagged = new RoleSessionClaims(c.accessKeyId(), c.secretAccessKey(), c.sessionId(),
                c.userId(), c.userName(), c.accountId(), c.permissionSetArn(), c.roleName(), c.issuedAt(),
                c.expiresAt(), Map.of("department", "Engineering", "costCenter", "Zürich 42"));

        assertThat(sealer.unseal(sealer.seal(tagged))).contains(tagged);
        assertThat(sealer.unseal(sealer.seal(c)).orElseThrow().principalTags()).isEmpty();
    }

    @Test
    void unsealWhenOneByteChangedThenEmpty() {
        CredentialSealer sealer = new CredentialSealer(List.of(key(1)));
        byte[] raw = Base64.getUrlDecoder().decode(sealer.seal(claims()));
        raw[raw.length - 20] ^= 1;

        assertThat(sealer.unseal(Base64.getUrlEncoder().withoutPadding().encodeToString(raw))).isEmpty();
    }

    @Test
    void unsealWhenSealedByUnknownKeyThenEmpty() {
        String token = new CredentialSealer(List.of(key(1))).seal(claims());

        assertThat(new CredentialSealer(List.of(key(2))).unseal(token)).isEmpty();
    }

    @Test
    void unsealWhenNewerKeyTookOverThenOldTokensStillVerify() {
        SealingKey old = key(1);
        String token = new CredentialSealer(List.of(old)).seal(claims());

        assertThat(new CredentialSealer(List.of(key(2), old)).unseal(token)).contains(claims());
    }

    @Test
    void unsealWhenGarbageThenEmpty() {
        CredentialSealer sealer = new CredentialSealer(List.of(key(1)));

        assertThat(sealer.unseal("not base64 !")).isEmpty();
        assertThat(sealer.unseal("")).isEmpty();
        assertThat(sealer.unseal("AQAAAAE")).isEmpty();
    }
}
