package dev.gatehouse.core.credentials;

import static dev.gatehouse.core.credentials.CredentialSealerTest.claims;
import static dev.gatehouse.core.credentials.CredentialSealerTest.key;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.credentials.UnsealedSessionCache.UnsealedSession;
import dev.gatehouse.core.keys.SealingKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnsealedSessionCacheTest {

    private final SealingKey sealingKey = key(1);
    private final CredentialSealer sealer = new CredentialSealer(List.of(sealingKey));
    private final RoleSessionClaims claims = claims();
    private final String token = sealer.seal(claims);
    private final Instant now = claims.issuedAt().plusSeconds(60);
    private final UnsealedSessionCache cache = new UnsealedSessionCache(2);

    @Test
    void unsealWhenSameTokenAgainThenTheCachedSessionAnswers() {
        UnsealedSession first = cache.unseal(claims.accessKeyId(), token, sealer, now).orElseThrow();

        assertThat(first.claims()).isEqualTo(claims);
        assertThat(cache.unseal(claims.accessKeyId(), token, sealer, now)).containsSame(first);
    }

    @Test
    void unsealWhenAnotherTokenWithTheSameAccessKeyIdThenItIsUnsealedNotAnsweredFromTheCache() {
        UnsealedSession cached = cache.unseal(claims.accessKeyId(), token, sealer, now).orElseThrow();
        RoleSessionClaims otherSecret = withSecret(claims, "another-secret");
        String otherToken = sealer.seal(otherSecret);

        assertThat(cache.unseal(claims.accessKeyId(), tampered(token), sealer, now)).isEmpty();
        assertThat(cache.unseal(claims.accessKeyId(), "not-a-sealed-token", sealer, now)).isEmpty();
        UnsealedSession other = cache.unseal(claims.accessKeyId(), otherToken, sealer, now).orElseThrow();
        assertThat(other).isNotSameAs(cached);
        assertThat(other.claims().secretAccessKey()).isEqualTo("another-secret");
    }

    @Test
    void unsealWhenTheTokenWasIssuedToAnotherAccessKeyIdThenEmpty() {
        cache.unseal(claims.accessKeyId(), token, sealer, now).orElseThrow();

        assertThat(cache.unseal("ASIAOTHERKEYID000000", token, sealer, now)).isEmpty();
    }

    @Test
    void unsealWhenTheCredentialsExpiredThenTheCachedSessionIsNotUsedAndDropped() {
        UnsealedSession cached = cache.unseal(claims.accessKeyId(), token, sealer, now).orElseThrow();

        UnsealedSession atExpiry = cache.unseal(claims.accessKeyId(), token, sealer, claims.expiresAt()).orElseThrow();

        assertThat(atExpiry).isNotSameAs(cached);
        assertThat(atExpiry.claims().expiresAt()).isEqualTo(claims.expiresAt());
        assertThat(cache.size()).isZero();
    }

    @Test
    void unsealWhenTheSealerWasReplacedThenTheTokenIsUnsealedAgain() {
        UnsealedSession cached = cache.unseal(claims.accessKeyId(), token, sealer, now).orElseThrow();
        CredentialSealer refreshed = new CredentialSealer(List.of(sealingKey));
        CredentialSealer keyRetired = new CredentialSealer(List.of(key(2)));

        assertThat(cache.unseal(claims.accessKeyId(), token, keyRetired, now)).isEmpty();
        assertThat(cache.unseal(claims.accessKeyId(), token, refreshed, now).orElseThrow()).isNotSameAs(cached);
    }

    @Test
    void unsealWhenMoreSessionsThanTheBoundThenTheLeastRecentlyUsedIsDropped() {
        UnsealedSession kept = cache.unseal(claims.accessKeyId(), token, sealer, now).orElseThrow();
        String second = sealer.seal(withAccessKeyId(claims, "ASIASECOND0000000000"));
        String third = sealer.seal(withAccessKeyId(claims, "ASIATHIRD00000000000"));
        UnsealedSession dropped = cache.unseal("ASIASECOND0000000000", second, sealer, now).orElseThrow();
        cache.unseal(claims.accessKeyId(), token, sealer, now);

        cache.unseal("ASIATHIRD00000000000", third, sealer, now);

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.unseal(claims.accessKeyId(), token, sealer, now)).containsSame(kept);
        assertThat(cache.unseal("ASIASECOND0000000000", second, sealer, now).orElseThrow()).isNotSameAs(dropped);
    }

    @Test
    void toStringWhenPrintedThenNeitherSecretNorTokenShows() {
        UnsealedSession session = cache.unseal(claims.accessKeyId(), token, sealer, now).orElseThrow();

        assertThat(session.toString()).doesNotContain(claims.secretAccessKey()).doesNotContain(token)
                .contains(claims.accessKeyId());
        assertThat(session.signingSecret().toString()).doesNotContain(claims.secretAccessKey());
    }

    private static String tampered(String token) {
        byte[] raw = Base64.getUrlDecoder().decode(token);
        raw[raw.length - 20] ^= 1;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    private static RoleSessionClaims withSecret(RoleSessionClaims c, String secret) {
        return new RoleSessionClaims(c.accessKeyId(), secret, c.sessionId(), c.userId(), c.userName(), c.accountId(),
                c.permissionSetArn(), c.roleName(), c.issuedAt(), c.expiresAt());
    }

    private static RoleSessionClaims withAccessKeyId(RoleSessionClaims c, String accessKeyId) {
        return new RoleSessionClaims(accessKeyId, c.secretAccessKey(), c.sessionId(), c.userId(), c.userName(),
                c.accountId(), c.permissionSetArn(), c.roleName(), c.issuedAt(), c.expiresAt());
    }
}
