package dev.gatehouse.server.config;

import dev.gatehouse.core.mfa.MfaPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything Gatehouse reads at start-up, after the config file and {@code GATEHOUSE_*} variables are merged
 * and checked. Build one with {@link ConfigLoader}; tests may construct it directly.
 *
 * @param dataDir          where the embedded database lives
 * @param bindAddress      the address the HTTP server listens on
 * @param port             the HTTP port; 0 picks a free one
 * @param publicUrl        how clients reach this server, without a trailing slash; null: http://localhost:port
 * @param region           the region name the instance reports (default us-east-1)
 * @param database         where the data is kept
 * @param startUrlAliases  other start URLs accepted as this instance's
 * @param portalSessionDuration how long a sign-in lasts (15 min..90 days, default 8 h)
 * @param bootstrapAdmin   an administrator to create on start, or null
 * @param adminGroup       the display name of a group whose members may use the admin console, or null
 * @param masterKey        where the key that encrypts the sealing keys comes from (docs/keys.md)
 * @param mfa              when sign-in asks for a second factor (docs/mfa.md); on by default
 * @param smtp             the mail server that sends password-reset links, or null: then only administrators reset
 */
public record GatehouseConfig(Path dataDir, String bindAddress, int port, String publicUrl, String region,
                              DatabaseConfig database, List<String> startUrlAliases, Duration portalSessionDuration,
                              BootstrapAdmin bootstrapAdmin, String adminGroup, MasterKeySource masterKey,
                              MfaPolicy mfa, SmtpConfig smtp) {

    public GatehouseConfig {
        startUrlAliases = List.copyOf(startUrlAliases);
    }

    /** With the default MFA policy (always, and enrolment at sign-in for users without a device), without mail. */
    public GatehouseConfig(Path dataDir, String bindAddress, int port, String publicUrl, String region,
                           DatabaseConfig database, List<String> startUrlAliases, Duration portalSessionDuration,
                           BootstrapAdmin bootstrapAdmin, String adminGroup, MasterKeySource masterKey) {
        this(dataDir, bindAddress, port, publicUrl, region, database, startUrlAliases, portalSessionDuration,
                bootstrapAdmin, adminGroup, masterKey, MfaPolicy.DEFAULT, null);
    }

    /** With the master key in the data directory's {@code master.key}. */
    public GatehouseConfig(Path dataDir, String bindAddress, int port, String publicUrl, String region,
                           DatabaseConfig database, List<String> startUrlAliases, Duration portalSessionDuration,
                           BootstrapAdmin bootstrapAdmin, String adminGroup) {
        this(dataDir, bindAddress, port, publicUrl, region, database, startUrlAliases, portalSessionDuration,
                bootstrapAdmin, adminGroup, MasterKeySource.defaultFile(dataDir));
    }

    /** Without an admin group: only users with the administrator flag administer. */
    public GatehouseConfig(Path dataDir, String bindAddress, int port, String publicUrl, String region,
                           DatabaseConfig database, List<String> startUrlAliases, Duration portalSessionDuration,
                           BootstrapAdmin bootstrapAdmin) {
        this(dataDir, bindAddress, port, publicUrl, region, database, startUrlAliases, portalSessionDuration,
                bootstrapAdmin, null);
    }

    /** @param url a JDBC URL; user and password may be null for the embedded database */
    public record DatabaseConfig(String url, String user, String password) {

        public static DatabaseConfig embedded(Path dataDir) {
            // AUTO_SERVER lets `gatehouse-server admin` work on the file while the server has it open.
            return new DatabaseConfig("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("gatehouse")
                    + ";AUTO_SERVER=TRUE", "gatehouse", "");
        }

        @Override
        public String toString() {
            return "DatabaseConfig[url=" + url + ", user=" + user + ", password=" + (password == null ? "none" : "***")
                    + "]";
        }
    }

    public record BootstrapAdmin(String userName, char[] password) {

        @Override
        public String toString() {
            return "BootstrapAdmin[userName=" + userName + ", password=***]";
        }
    }

    /**
     * An SMTP server. {@code username} and {@code password} are both null when it takes mail without signing in.
     *
     * @param startTls whether to upgrade the connection with STARTTLS (and refuse to send without it)
     */
    public record SmtpConfig(String host, int port, String from, String username, String password,
                             boolean startTls) {

        @Override
        public String toString() {
            return "SmtpConfig[host=" + host + ", port=" + port + ", from=" + from + ", username=" + username
                    + ", password=" + (password == null ? "none" : "***") + ", startTls=" + startTls + "]";
        }
    }

    /** The access portal URL: the "SSO start URL" people paste into {@code configure sso}. */
    public String portalUrl() {
        return publicUrl + "/start";
    }

    /**
     * Fills in what depends on the running machine: a free port for port 0, and the public URL
     * {@code http://localhost:<port>} when none is configured.
     */
    public GatehouseConfig resolved() {
        int actualPort = port != 0 ? port : FreePorts.find();
        String url = publicUrl != null ? publicUrl : "http://localhost:" + actualPort;
        return new GatehouseConfig(dataDir, bindAddress, actualPort, url, region, database, startUrlAliases,
                portalSessionDuration, bootstrapAdmin, adminGroup, masterKey, mfa, smtp);
    }

    public GatehouseConfig withPort(int newPort) {
        return new GatehouseConfig(dataDir, bindAddress, newPort, publicUrl, region, database, startUrlAliases,
                portalSessionDuration, bootstrapAdmin, adminGroup, masterKey, mfa, smtp);
    }

    public GatehouseConfig withMasterKey(MasterKeySource source) {
        return new GatehouseConfig(dataDir, bindAddress, port, publicUrl, region, database, startUrlAliases,
                portalSessionDuration, bootstrapAdmin, adminGroup, source, mfa, smtp);
    }

    public GatehouseConfig withSmtp(SmtpConfig mailServer) {
        return new GatehouseConfig(dataDir, bindAddress, port, publicUrl, region, database, startUrlAliases,
                portalSessionDuration, bootstrapAdmin, adminGroup, masterKey, mfa, mailServer);
    }

    public GatehouseConfig withPublicUrl(String url) {
        return new GatehouseConfig(dataDir, bindAddress, port, url, region, database, startUrlAliases,
                portalSessionDuration, bootstrapAdmin, adminGroup, masterKey, mfa, smtp);
    }

    public GatehouseConfig withMfa(MfaPolicy policy) {
        return new GatehouseConfig(dataDir, bindAddress, port, publicUrl, region, database, startUrlAliases,
                portalSessionDuration, bootstrapAdmin, adminGroup, masterKey, policy, smtp);
    }
}
