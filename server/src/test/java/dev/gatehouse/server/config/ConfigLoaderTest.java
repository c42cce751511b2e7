package dev.gatehouse.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.mfa.MfaPolicy;
import dev.gatehouse.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dataDir;

    private GatehouseConfig load(Map<String, String> environment) {
        return new ConfigLoader(environment).load();
    }

    @Test
    void loadWhenNothingSetThenEmbeddedDefaults() {
        GatehouseConfig config = load(Map.of("GATEHOUSE_DATA_DIR", dataDir.toString()));

        assertThat(config.http().port()).isEqualTo(8080);
        assertThat(config.instance().region()).isEqualTo("us-east-1");
        assertThat(config.lifetimes().portalSession()).isEqualTo(Duration.ofHours(8));
        assertThat(config.database().url()).startsWith("jdbc:h2:file:").contains(dataDir.toString());
        assertThat(config.bootstrapAdmin()).isNull();
        assertThat(config.resolved().http().publicUrl()).isEqualTo("http://localhost:8080");
        assertThat(config.resolved().http().portalUrl()).isEqualTo("http://localhost:8080/start");
    }

    @Test
    void loadWhenFileAndEnvironmentThenEnvironmentWins() throws IOException {
        Files.writeString(dataDir.resolve("gatehouse.properties"), """
                port=9000
                region=eu-west-1
                public-url=https://sso.example.com/
                start-url-aliases=https://example.awsapps.com/start, https://b.awsapps.com/start
                """);
        GatehouseConfig config = load(Map.of("GATEHOUSE_DATA_DIR", dataDir.toString(), "GATEHOUSE_PORT", "9100"));

        assertThat(config.http().port()).isEqualTo(9100);
        assertThat(config.instance().region()).isEqualTo("eu-west-1");
        assertThat(config.http().publicUrl()).isEqualTo("https://sso.example.com");
        assertThat(config.instance().startUrlAliases())
                .containsExactly("https://example.awsapps.com/start", "https://b.awsapps.com/start");
    }

    @Test
    void loadWhenSeveralProblemsThenAllReportedAtOnce() {
        assertThatThrownBy(() -> load(Map.of(
                "GATEHOUSE_DATA_DIR", dataDir.toString(),
                "GATEHOUSE_PORT", "http",
                "GATEHOUSE_PUBLIC_URL", "localhost:8080",
                "GATEHOUSE_DB_URL", "mysql://db",
                "GATEHOUSE_PORTAL_SESSION_DURATION", "PT5M",
                "GATEHOUSE_BOOTSTRAP_ADMIN_USERNAME", "admin")))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems())
                        .hasSize(5)
                        .anySatisfy(p -> assertThat(p).startsWith("port must be a number"))
                        .anySatisfy(p -> assertThat(p).contains("GATEHOUSE_PUBLIC_URL"))
                        .anySatisfy(p -> assertThat(p).contains("GATEHOUSE_DB_URL"))
                        .anySatisfy(p -> assertThat(p).contains("PT15M and P90D"))
                        .anySatisfy(p -> assertThat(p).contains("go together")));
    }

    @Test
    void loadWhenTrustedProxiesAreGivenThenOnlyTheirForwardedForIsBelieved() {
        GatehouseConfig config = load(Map.of("GATEHOUSE_DATA_DIR", dataDir.toString(),
                "GATEHOUSE_TRUSTED_PROXIES", "10.0.0.0/8, 2001:db8::1"));

        assertThat(config.http().trustedProxies().entries()).containsExactly("10.0.0.0/8", "2001:db8::1");
        assertThat(config.http().trustedProxies().sourceOf("10.0.0.2", java.util.List.of("198.51.100.1")))
                .isEqualTo("198.51.100.1");
        assertThat(load(Map.of("GATEHOUSE_DATA_DIR", dataDir.toString())).http().trustedProxies().entries())
                .as("by default none").isEmpty();
        assertThatThrownBy(() -> load(Map.of("GATEHOUSE_DATA_DIR", dataDir.toString(),
                "GATEHOUSE_TRUSTED_PROXIES", "proxy.internal")))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).contains("GATEHOUSE_TRUSTED_PROXIES")
                                .contains("proxy.internal")));
    }

    @Test
    void loadWhenPostgresUrlThenUsedWithCredentials() {
        GatehouseConfig config = load(Map.of("GATEHOUSE_DATA_DIR", dataDir.toString(),
                "GATEHOUSE_DB_URL", "jdbc:postgresql://localhost/gh", "GATEHOUSE_DB_USER", "gh",
                "GATEHOUSE_DB_PASSWORD", "pw"));

        assertThat(config.database().url()).isEqualTo("jdbc:postgresql://localhost/gh");
        assertThat(config.database().user()).isEqualTo("gh");
        assertThat(config.database().toString()).doesNotContain("pw");
    }

    @Test
    void loadWhenCacheOffThenCachingOffOnEveryDatabaseAndOnByDefault() {
        assertThat(load(Map.of("GATEHOUSE_DATA_DIR", dataDir.toString())).database().caching())
                .isEqualTo(Database.Caching.ON);
        assertThat(load(Map.of("GATEHOUSE_DATA_DIR", dataDir.toString(), "GATEHOUSE_CACHE", "off")).database()
                .caching()).isEqualTo(Database.Caching.OFF);
        assertThat(load(Map.of("GATEHOUSE_DATA_DIR", dataDir.toString(), "GATEHOUSE_CACHE", "OFF",
                "GATEHOUSE_DB_URL", "jdbc:postgresql://localhost/gh")).database().caching())
                .isEqualTo(Database.Caching.OFF);
        assertThatThrownBy(() -> load(Map.of("GATEHOUSE_DATA_DIR", dataDir.toString(), "GATEHOUSE_CACHE", "maybe")))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).contains("GATEHOUSE_CACHE")));
    }

    @Test
    void loadWhenNamedConfigFileMissingThenProblem() {
        assertThatThrownBy(() -> load(Map.of("GATEHOUSE_CONFIG", dataDir.resolve("nope.properties").toString())))
                .isInstanceOfSatisfying(InvalidConfigException.class,
                        e -> assertThat(e.problems()).singleElement().asString().contains("does not exist"));
    }

    @Test
    void resolvedWhenPortZeroThenFreePortAndMatchingPublicUrl() {
        GatehouseConfig config = load(Map.of("GATEHOUSE_DATA_DIR", dataDir.toString(), "GATEHOUSE_PORT", "0"))
                .resolved();

        assertThat(config.http().port()).isPositive();
        assertThat(config.http().publicUrl()).isEqualTo("http://localhost:" + config.http().port());
        assertThat(List.of(config.bootstrapAdmin() == null)).containsExactly(true);
    }

    @Test
    void loadWhenAdminGroupSetInFileOrEnvironmentThenKept() throws IOException {
        Files.writeString(dataDir.resolve("gatehouse.properties"), "admin-group=Platform Team\n");

        GatehouseConfig fromFile = load(Map.of("GATEHOUSE_DATA_DIR", dataDir.toString()));
        GatehouseConfig fromEnvironment = load(Map.of("GATEHOUSE_DATA_DIR", dataDir.toString(),
                "GATEHOUSE_ADMIN_GROUP", "Gatehouse Admins"));

        assertThat(fromFile.adminGroup()).isEqualTo("Platform Team");
        assertThat(fromFile.resolved().adminGroup()).isEqualTo("Platform Team");
        assertThat(fromEnvironment.adminGroup()).isEqualTo("Gatehouse Admins");
        assertThat(load(Map.of("GATEHOUSE_DATA_DIR", dataDir.toString() + "/elsewhere")).adminGroup()).isNull();
    }

    @Test
    void loadWhenNoMfaSettingThenMfaAlwaysAndEnrolmentAtSignIn() {
        GatehouseConfig config = load(Map.of("GATEHOUSE_DATA_DIR", dataDir.toString()));

        assertThat(config.mfa()).isEqualTo(MfaPolicy.DEFAULT);
        assertThat(config.mfa().mode()).isEqualTo(MfaPolicy.Mode.ALWAYS);
        assertThat(config.mfa().withoutDevice()).isEqualTo(MfaPolicy.WithoutDevice.ENROL);
        assertThat(config.mfa().rememberBrowser()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void loadWhenMfaSetInFileAndEnvironmentThenEnvironmentWins() throws IOException {
        Files.writeString(dataDir.resolve("gatehouse.properties"), """
                mfa-mode=off
                mfa-remember-device-duration=P30D
                mfa-without-device=block
                """);
        GatehouseConfig config = load(Map.of("GATEHOUSE_DATA_DIR", dataDir.toString(),
                "GATEHOUSE_MFA_MODE", "context-aware"));

        assertThat(config.mfa()).isEqualTo(new MfaPolicy(MfaPolicy.Mode.CONTEXT_AWARE, Duration.ofDays(30),
                MfaPolicy.WithoutDevice.BLOCK));
    }

    @Test
    void loadWhenMfaSettingsWrongThenAllReportedAtOnce() {
        assertThatThrownBy(() -> load(Map.of(
                "GATEHOUSE_DATA_DIR", dataDir.toString(),
                "GATEHOUSE_MFA_MODE", "sometimes",
                "GATEHOUSE_MFA_REMEMBER_DEVICE_DURATION", "P365D",
                "GATEHOUSE_MFA_WITHOUT_DEVICE", "ignore")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("mfa-mode (GATEHOUSE_MFA_MODE) must be always, context-aware or off")
                .hasMessageContaining("mfa-remember-device-duration (GATEHOUSE_MFA_REMEMBER_DEVICE_DURATION) must be "
                        + "between PT1H and P90D")
                .hasMessageContaining("mfa-without-device (GATEHOUSE_MFA_WITHOUT_DEVICE) must be enrol, block or "
                        + "allow");
    }

    @Test
    void loadWhenPortalSessionDurationAtEitherBoundThenAccepted() {
        assertThat(load(Map.of("GATEHOUSE_DATA_DIR", dataDir.toString(),
                "GATEHOUSE_PORTAL_SESSION_DURATION", "PT15M")).lifetimes().portalSession())
                .isEqualTo(Duration.ofMinutes(15));
        assertThat(load(Map.of("GATEHOUSE_DATA_DIR", dataDir.toString(),
                "GATEHOUSE_PORTAL_SESSION_DURATION", "P90D")).lifetimes().portalSession())
                .isEqualTo(Duration.ofDays(90));
    }

    @Test
    void loadWhenPortalSessionDurationOutOfRangeOrMalformedThenProblemNamesTheKey() {
        for (String raw : List.of("PT14M59S", "P90DT1S", "8 hours")) {
            assertThatThrownBy(() -> load(Map.of("GATEHOUSE_DATA_DIR", dataDir.toString(),
                    "GATEHOUSE_PORTAL_SESSION_DURATION", raw)))
                    .as(raw)
                    .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems())
                            .singleElement().asString()
                            .startsWith("portal-session-duration (GATEHOUSE_PORTAL_SESSION_DURATION) must be")
                            .contains(raw));
        }
    }

    @Test
    void loadWhenNoSmtpHostThenNoMailServer() {
        assertThat(load(Map.of("GATEHOUSE_DATA_DIR", dataDir.toString())).smtp()).isNull();
    }

    @Test
    void loadWhenSmtpSetThenStartTlsOnPort587ByDefaultAndPasswordNeverPrinted() {
        GatehouseConfig config = load(Map.of("GATEHOUSE_DATA_DIR", dataDir.toString(),
                "GATEHOUSE_SMTP_HOST", "mail.example.com", "GATEHOUSE_SMTP_FROM", "sso@example.com",
                "GATEHOUSE_SMTP_USERNAME", "sso", "GATEHOUSE_SMTP_PASSWORD", "s3cret-smtp"));

        assertThat(config.smtp()).isEqualTo(new SmtpConfig("mail.example.com", 587,
                "sso@example.com", "sso", "s3cret-smtp", true));
        assertThat(config.resolved().smtp()).isEqualTo(config.smtp());
        assertThat(config.toString()).doesNotContain("s3cret-smtp");
    }

    @Test
    void loadWhenSmtpWithoutStartTlsThenPort25UnlessGiven() throws IOException {
        Files.writeString(dataDir.resolve("gatehouse.properties"), """
                smtp-host=localhost
                smtp-from=sso@example.com
                smtp-starttls=false
                """);

        assertThat(load(Map.of("GATEHOUSE_DATA_DIR", dataDir.toString())).smtp().port()).isEqualTo(25);
        assertThat(load(Map.of("GATEHOUSE_DATA_DIR", dataDir.toString(), "GATEHOUSE_SMTP_PORT", "2525")).smtp())
                .isEqualTo(new SmtpConfig("localhost", 2525, "sso@example.com", null, null, false));
    }

    @Test
    void loadWhenSmtpIncompleteThenEveryProblemNamesItsKey() {
        assertThatThrownBy(() -> load(Map.of("GATEHOUSE_DATA_DIR", dataDir.toString(),
                "GATEHOUSE_SMTP_HOST", "mail.example.com", "GATEHOUSE_SMTP_STARTTLS", "yes",
                "GATEHOUSE_SMTP_USERNAME", "sso")))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems())
                        .hasSize(3)
                        .anySatisfy(p -> assertThat(p).startsWith("smtp-starttls (GATEHOUSE_SMTP_STARTTLS)"))
                        .anySatisfy(p -> assertThat(p).startsWith("smtp-from (GATEHOUSE_SMTP_FROM)"))
                        .anySatisfy(p -> assertThat(p).contains("GATEHOUSE_SMTP_PASSWORD) go together")));
    }

    @Test
    void defaultsWhenNothingConfiguredThenSameAsLoadingWithOnlyTheDataDirectory() {
        assertThat(GatehouseConfig.defaults(dataDir)).isEqualTo(load(Map.of("GATEHOUSE_DATA_DIR", dataDir.toString())));
    }

    @Test
    void loadWhenNothingSetThenAwsClockSkewAndGatehouseAsRelyingPartyName() {
        GatehouseConfig config = load(Map.of("GATEHOUSE_DATA_DIR", dataDir.toString()));

        assertThat(config.sigV4ClockSkew()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.relyingPartyName()).isEqualTo("Gatehouse");
    }

    @Test
    void loadWhenClockSkewAndRelyingPartyNameSetThenUsed() throws IOException {
        Files.writeString(dataDir.resolve("gatehouse.properties"), "sigv4-clock-skew=PT5M\n");
        GatehouseConfig config = load(Map.of("GATEHOUSE_DATA_DIR", dataDir.toString(),
                "GATEHOUSE_RELYING_PARTY_NAME", "Example SSO"));

        assertThat(config.sigV4ClockSkew()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.relyingPartyName()).isEqualTo("Example SSO");
    }

    @Test
    void loadWhenClockSkewOutOfRangeThenProblemNamesKeyVariableAndBounds() {
        assertThatThrownBy(() -> load(Map.of("GATEHOUSE_DATA_DIR", dataDir.toString(),
                "GATEHOUSE_SIGV4_CLOCK_SKEW", "PT2H")))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "sigv4-clock-skew (GATEHOUSE_SIGV4_CLOCK_SKEW) must be between PT1M and PT1H, not 'PT2H'"));
    }

    @Test
    void loadWhenPortOutOfRangeThenProblemNamesKeyFirstAndVariableLast() {
        assertThatThrownBy(() -> load(Map.of("GATEHOUSE_DATA_DIR", dataDir.toString(), "GATEHOUSE_PORT", "70000")))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "port must be between 0 and 65535, not '70000' (GATEHOUSE_PORT)"));
    }

    @Test
    void loadWhenSecretSettingInvalidThenProblemLeavesItsValueOut() {
        assertThatThrownBy(() -> load(Map.of("GATEHOUSE_DATA_DIR", dataDir.toString(),
                "GATEHOUSE_DB_URL", "postgresql://gh:s3cret-db@db/gh", "GATEHOUSE_MASTER_KEY", "s3cret-key")))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems())
                        .hasSize(2)
                        .allSatisfy(p -> assertThat(p).doesNotContain("s3cret")));
    }

    @Test
    void loadWhenMasterKeyInTheFileThenIgnoredAsItIsReadFromTheEnvironmentOnly() throws IOException {
        Files.writeString(dataDir.resolve("gatehouse.properties"), "master-key=c2hvcnQ=\n");

        assertThat(load(Map.of("GATEHOUSE_DATA_DIR", dataDir.toString())).masterKey())
                .isEqualTo(MasterKeySource.defaultFile(dataDir));
    }

    @Test
    void loadWhenBootstrapAdminHalfSetThenProblemNamesBothKeysAndVariables() {
        assertThatThrownBy(() -> load(Map.of("GATEHOUSE_DATA_DIR", dataDir.toString(),
                "GATEHOUSE_BOOTSTRAP_ADMIN_PASSWORD", "s3cret-admin")))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "bootstrap-admin.username (GATEHOUSE_BOOTSTRAP_ADMIN_USERNAME) and bootstrap-admin.password "
                                + "(GATEHOUSE_BOOTSTRAP_ADMIN_PASSWORD) go together"));
    }

    @Test
    void loadWhenTlsFilesSetThenHttpsAndTheDefaultPublicUrlIsHttps() throws IOException {
        Path certificate = Files.writeString(dataDir.resolve("server.crt"), "");
        Path key = Files.writeString(dataDir.resolve("server.key"), "");

        GatehouseConfig config = load(Map.of("GATEHOUSE_DATA_DIR", dataDir.toString(),
                "GATEHOUSE_TLS_CERT_FILE", certificate.toString(), "GATEHOUSE_TLS_KEY_FILE", key.toString(),
                "GATEHOUSE_TLS_REDIRECT_PORT", "8081"));

        assertThat(config.http().tls()).isEqualTo(new TlsConfig(certificate, key, 8081));
        assertThat(config.resolved().http().publicUrl()).isEqualTo("https://localhost:8080");
        assertThat(config.resolved().http().publicUrlIsHttps()).isTrue();
    }

    @Test
    void loadWhenTlsHalfSetOrItsFileMissingThenEachProblemNamed() throws IOException {
        Path certificate = Files.writeString(dataDir.resolve("server.crt"), "");

        assertThatThrownBy(() -> load(Map.of("GATEHOUSE_DATA_DIR", dataDir.toString(),
                "GATEHOUSE_TLS_CERT_FILE", certificate.toString(), "GATEHOUSE_TLS_REDIRECT_PORT", "8081")))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "tls-cert-file (GATEHOUSE_TLS_CERT_FILE) and tls-key-file (GATEHOUSE_TLS_KEY_FILE) go together",
                        "tls-redirect-port (GATEHOUSE_TLS_REDIRECT_PORT) needs tls-cert-file and tls-key-file"));
        Path missing = dataDir.resolve("gone.key");
        assertThatThrownBy(() -> load(Map.of("GATEHOUSE_DATA_DIR", dataDir.toString(),
                "GATEHOUSE_TLS_CERT_FILE", certificate.toString(), "GATEHOUSE_TLS_KEY_FILE", missing.toString())))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "tls-key-file (GATEHOUSE_TLS_KEY_FILE) names " + missing + ", which does not exist"));
    }
}
