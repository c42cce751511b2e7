package dev.gatehouse.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IniDocumentTest {

    private static final String PERSONAL = """
            # my settings, keep them
            [default]
            region = eu-west-1
            ; a comment inside
            output=json

            [profile personal]
            aws_access_key_id = AKIAEXAMPLE
            s3 =
                max_concurrent_requests = 20

            [plugins]
            cli_legacy_plugin_path = /opt/plugins
            """;

    @Test
    void renderWhenUnchangedThenByteForByteTheSame() {
        assertThat(IniDocument.parse(PERSONAL).render()).isEqualTo(PERSONAL);
    }

    @Test
    void sectionsThenProfilesSessionsAndNestedValuesAsBotocoreReadsThem() {
        IniDocument document = IniDocument.parse(PERSONAL + """
                [sso-session my-sso]
                sso_start_url = https://x.awsapps.com/start
                SSO_Region: us-east-1
                [services gatehouse]
                sso_oidc =
                  endpoint_url = http://localhost:8080
                [profile "my dev"]
                region = us-west-2
                """);

        AwsConfig config = new AwsConfig(java.nio.file.Path.of("config"), document, java.util.List.of("creds-only"));

        assertThat(config.profileNames()).containsExactly("default", "personal", "my dev", "creds-only");
        assertThat(config.ssoSession("my-sso").flatMap(s -> s.value("sso_region"))).contains("us-east-1");
        assertThat(config.services("gatehouse").orElseThrow().nested("sso_oidc"))
                .containsExactly(Map.entry("endpoint_url", "http://localhost:8080"));
        assertThat(config.profile("my dev").flatMap(p -> p.value("region"))).contains("us-west-2");
        assertThat(config.profile("personal").orElseThrow().nested("s3"))
                .containsEntry("max_concurrent_requests", "20");
    }

    @Test
    void updateWhenSectionsAreNewThenAppendedAfterABlankLineAndTheRestUntouched() {
        IniDocument document = IniDocument.parse(PERSONAL);
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("sso_session", "my-sso");
        profile.put("services", "gatehouse");
        document.update(SectionHeader.profile("dev"), profile);
        document.update(SectionHeader.services("gatehouse"), Map.of("sso_oidc",
                Map.of("endpoint_url", "http://localhost:8080")));

        assertThat(document.render()).isEqualTo(PERSONAL + """

                [profile dev]
                sso_session = my-sso
                services = gatehouse

                [services gatehouse]
                sso_oidc =
                  endpoint_url = http://localhost:8080
                """);
    }

    @Test
    void updateWhenKeysExistThenReplacedInPlaceAndNewKeysFollowTheLastSetting() {
        IniDocument document = IniDocument.parse(PERSONAL);

        document.update(SectionHeader.profile("default"), Map.of("region", "us-east-1", "sso_session", "s"));

        assertThat(document.render()).isEqualTo("""
                # my settings, keep them
                [default]
                region = us-east-1
                ; a comment inside
                output=json
                sso_session = s

                [profile personal]
                aws_access_key_id = AKIAEXAMPLE
                s3 =
                    max_concurrent_requests = 20

                [plugins]
                cli_legacy_plugin_path = /opt/plugins
                """);
    }

    @Test
    void updateWhenNestedBlockExistsThenItsSettingsChangeKeepingTheirIndent() {
        IniDocument document = IniDocument.parse(PERSONAL);

        document.update(SectionHeader.profile("personal"), Map.of("s3", Map.of("max_concurrent_requests", "5",
                "addressing_style", "path")));

        assertThat(document.render()).contains("""
                [profile personal]
                aws_access_key_id = AKIAEXAMPLE
                s3 =
                    max_concurrent_requests = 5
                    addressing_style = path

                [plugins]""");
    }

    @Test
    void sectionHeaderWhenNameHasSpacesThenQuotedAndParsedBack() {
        SectionHeader header = SectionHeader.profile("my dev");

        assertThat(header.render()).isEqualTo("profile 'my dev'");
        assertThat(SectionHeader.parse(header.render())).isEqualTo(header);
        assertThat(SectionHeader.parse("profile  \"my dev\"")).isEqualTo(header);
        assertThat(SectionHeader.profile("default").render()).isEqualTo("default");
    }

    @Test
    void removeThenOnlyThatSectionGoes() {
        IniDocument document = IniDocument.parse(PERSONAL);

        assertThat(document.remove(SectionHeader.profile("personal"))).isTrue();

        assertThat(document.render()).doesNotContain("personal").contains("[default]").contains("[plugins]");
    }
}
