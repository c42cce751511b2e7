package dev.gatehouse.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.cli.cache.RoleCredentials;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The AWS CLI's export-credentials output, character for character. */
class CredentialFormatTest {

    private static final RoleCredentials CREDENTIALS = new RoleCredentials("ASIAEXAMPLE", "secret/+", "token==",
            Instant.parse("2026-05-01T13:00:00Z"));

    @Test
    void processThenCredentialProcessJsonVersionOneTwoSpaceIndent() {
        assertThat(CredentialFormat.PROCESS.render(CREDENTIALS)).isEqualTo("""
                {
                  "Version": 1,
                  "AccessKeyId": "ASIAEXAMPLE",
                  "SecretAccessKey": "secret/+",
                  "SessionToken": "token==",
                  "Expiration": "2026-05-01T13:00:00+00:00"
                }
                """);
    }

    @Test
    void envThenExportLines() {
        assertThat(CredentialFormat.ENV.render(CREDENTIALS)).isEqualTo("""
                export AWS_ACCESS_KEY_ID=ASIAEXAMPLE
                export AWS_SECRET_ACCESS_KEY=secret/+
                export AWS_SESSION_TOKEN=token==
                export AWS_CREDENTIAL_EXPIRATION=2026-05-01T13:00:00+00:00
                """);
    }

    @Test
    void envNoExportThenPlainAssignments() {
        assertThat(CredentialFormat.ENV_NO_EXPORT.render(CREDENTIALS)).startsWith("AWS_ACCESS_KEY_ID=ASIAEXAMPLE\n")
                .endsWith("AWS_CREDENTIAL_EXPIRATION=2026-05-01T13:00:00+00:00\n");
    }

    @Test
    void powershellThenEnvAssignmentsInDoubleQuotes() {
        assertThat(CredentialFormat.POWERSHELL.render(CREDENTIALS)).isEqualTo("""
                $Env:AWS_ACCESS_KEY_ID="ASIAEXAMPLE"
                $Env:AWS_SECRET_ACCESS_KEY="secret/+"
                $Env:AWS_SESSION_TOKEN="token=="
                $Env:AWS_CREDENTIAL_EXPIRATION="2026-05-01T13:00:00+00:00"
                """);
    }

    @Test
    void windowsCmdThenSetLines() {
        assertThat(CredentialFormat.WINDOWS_CMD.render(CREDENTIALS)).startsWith("set AWS_ACCESS_KEY_ID=ASIAEXAMPLE\n")
                .contains("set AWS_SESSION_TOKEN=token==\n");
    }

    @Test
    void fishThenGlobalExportedSets() {
        assertThat(CredentialFormat.FISH.render(CREDENTIALS)).isEqualTo("""
                set -gx AWS_ACCESS_KEY_ID "ASIAEXAMPLE"
                set -gx AWS_SECRET_ACCESS_KEY "secret/+"
                set -gx AWS_SESSION_TOKEN "token=="
                set -gx AWS_CREDENTIAL_EXPIRATION "2026-05-01T13:00:00+00:00"
                """);
    }

    @Test
    void fromCliNameThenEveryAwsCliFormatIsKnown() {
        assertThat(java.util.Arrays.stream(CredentialFormat.values()).map(CredentialFormat::cliName))
                .containsExactly("process", "env", "env-no-export", "powershell", "windows-cmd", "fish");
    }
}
