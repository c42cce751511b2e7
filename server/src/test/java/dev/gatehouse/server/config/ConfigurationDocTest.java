package dev.gatehouse.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/configuration.md lists exactly the settings the loader reads, as ConfigKeys describes them. */
class ConfigurationDocTest {

    private static final Path DOC = Path.of("..", "docs", "configuration.md");

    @Test
    void configurationMdWhenComparedWithConfigKeysThenItsSettingsTableIsCurrent() throws IOException {
        String doc = Files.readString(DOC);
        String current = SettingsTableDoc.replaceTable(doc);
        if (Boolean.getBoolean("gatehouse.writeDocs")) {
            Files.writeString(DOC, current);
            return;
        }

        assertThat(doc).as("docs/configuration.md is out of date; run this test with -Dgatehouse.writeDocs=true")
                .isEqualTo(current);
    }

    @Test
    void settingsTableWhenRenderedThenEveryKeyWithItsVariableAndDefault() {
        assertThat(SettingsTableDoc.table())
                .contains("| `port` | `GATEHOUSE_PORT` | `8080` |")
                .contains("| `portal-session-duration` | `GATEHOUSE_PORTAL_SESSION_DURATION` | `PT8H` |")
                .contains("| `mfa-remember-device-duration` | `GATEHOUSE_MFA_REMEMBER_DEVICE_DURATION` | `P7D` |")
                .contains("| — | `GATEHOUSE_MASTER_KEY` | none |")
                .contains("| `sigv4-clock-skew` | `GATEHOUSE_SIGV4_CLOCK_SKEW` | `PT15M` |")
                .contains("| `relying-party-name` | `GATEHOUSE_RELYING_PARTY_NAME` | `Gatehouse` |")
                .hasLineCount(2 + ConfigKeys.ALL.size());
    }
}
