package dev.gatehouse.cli.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The expected names were computed with Python from botocore's rules: {@code sha1(name)} for tokens,
 * {@code sha1(json.dumps(args, sort_keys=True))} for registrations, and {@code sha1(json.dumps(args,
 * sort_keys=True, separators=(',', ':')))} for role credentials.
 */
class CacheKeysTest {

    private static final String START_URL = "https://my-sso-portal.awsapps.com/start";

    @Test
    void tokenWhenSessionNamedThenSha1OfTheName() {
        assertThat(CacheKeys.token("my-sso", START_URL)).isEqualTo("0ad374308c5a4e22f723adf10145eafad7c4031c");
    }

    @Test
    void tokenWhenLegacyProfileThenSha1OfTheStartUrl() {
        assertThat(CacheKeys.token(null, START_URL)).isEqualTo("c7aaaf71fcc8777ae2475525ed049d39fe16c484");
    }

    @Test
    void registrationThenSha1OfPythonsSortedJsonWithDefaultSeparators() {
        assertThat(PythonJson.dumps(java.util.Map.of("tool", "botocore", "startUrl", START_URL, "region", "us-east-1",
                "scopes", List.of("sso:account:access"), "session_name", "my-sso")))
                .isEqualTo("{\"region\": \"us-east-1\", \"scopes\": [\"sso:account:access\"], \"session_name\": "
                        + "\"my-sso\", \"startUrl\": \"" + START_URL + "\", \"tool\": \"botocore\"}");
        assertThat(CacheKeys.registration(START_URL, "us-east-1", List.of("sso:account:access"), "my-sso"))
                .isEqualTo("c5cfae6e3e4f067423a532368c8b514b6a4b0ace");
    }

    @Test
    void registrationWhenNoScopesAndNoSessionThenNullsAreHashed() {
        assertThat(CacheKeys.registration(START_URL, "us-east-1", null, null))
                .isEqualTo("0e093f10f65cee6c5c1898a8e240f5726875bf08");
    }

    @Test
    void registrationWhenNameHasQuotesAndNonAsciiThenEscapedAsPythonDoes() {
        assertThat(CacheKeys.registration("http://localhost:8080/start", "eu-west-1",
                List.of("sso:account:access", "openid"), "Équipe \"dev\""))
                .isEqualTo("c07cfd188c98d8668de4266c932e79f7c45335de");
    }

    @Test
    void authorizationCodeRegistrationThenAKeyOfItsOwnThatNoDeviceFlowReads() {
        assertThat(CacheKeys.authorizationCodeRegistration(START_URL, "us-east-1", List.of("sso:account:access"),
                "my-sso"))
                .as("sha1 of {\"grantTypes\": [\"authorization_code\", \"refresh_token\"], …, \"tool\": \"gatehouse\"}")
                .isEqualTo("e2020767f2a9496f1ca9d301843db7ca5d3539de")
                .isNotEqualTo(CacheKeys.registration(START_URL, "us-east-1", List.of("sso:account:access"), "my-sso"));
        assertThat(CacheKeys.authorizationCodeRegistration(START_URL, "us-east-1", null, "my-sso"))
                .isEqualTo("3731a17aa2db2560f980b9a1def034a93d46d832");
    }

    @Test
    void roleCredentialsThenSha1OfCompactSortedJson() {
        assertThat(CacheKeys.roleCredentials("111122223333", "PowerUserAccess", "my-sso", START_URL))
                .isEqualTo("ce2b99de069ab6077ad1d00dbe85c0ec4ba41d50");
        assertThat(CacheKeys.roleCredentials("111122223333", "PowerUserAccess", null, START_URL))
                .as("a legacy profile is keyed by its start URL")
                .isEqualTo("59fa3b0e7d1f78dc62fcb28f6be33c52935a3907");
    }
}
