package dev.gatehouse.server.config;

import dev.gatehouse.core.mfa.MfaPolicy;
import dev.gatehouse.core.session.Lifetimes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything Gatehouse reads at start-up, one typed record per concern, after the config file and the
 * {@code GATEHOUSE_*} variables are merged and checked ({@link ConfigLoader}, {@link ConfigKeys}). Tests start
 * from {@link #defaults} and change what they need through {@link #toBuilder()}.
 *
 * @param lifetimes        how long sessions, tokens and links live; the portal session is configurable
 * @param bootstrapAdmin   an administrator to create on start, or null
 * @param adminGroup       the display name of a group whose members may use the admin console, or null
 * @param masterKey        where the key that encrypts the sealing keys comes from (docs/keys.md)
 * @param mfa              when sign-in asks for a second factor (docs/mfa.md)
 * @param smtp             the mail server that sends password-reset links, or null: then only administrators reset
 * @param sigV4ClockSkew   how far a SigV4 request's signing time may be from the server's clock
 * @param relyingPartyName the name passkeys and security keys show for this instance
 * @param auditRetention   how long audit events are kept before the purge deletes them
 * @param dataDir          the data directory: the embedded database, the default master key file and the admin
 *                         socket ({@link DataDirectory})
 * @param operations       first-start setup, metrics and logs (docs/operations.md)
 */
public record GatehouseConfig(HttpConfig http, InstanceConfig instance, DatabaseConfig database, Lifetimes lifetimes,
                              BootstrapAdmin bootstrapAdmin, String adminGroup, MasterKeySource masterKey,
                              MfaPolicy mfa, SmtpConfig smtp, Duration sigV4ClockSkew, String relyingPartyName,
                              Duration auditRetention, Path dataDir, OperationsConfig operations) {

    /** What an empty config file and environment mean, with the data kept in {@code dataDir}. */
    public static GatehouseConfig defaults(Path dataDir) {
        return from(SettingValues.none(), dataDir);
    }

    static GatehouseConfig from(SettingValues values, Path dataDir) {
        return new GatehouseConfig(
                HttpConfig.from(values),
                InstanceConfig.from(values),
                DatabaseConfig.from(values, dataDir),
                Lifetimes.defaults().withPortalSession(values.get(ConfigKeys.PORTAL_SESSION_DURATION)),
                BootstrapAdmin.from(values),
                values.get(ConfigKeys.ADMIN_GROUP),
                masterKey(values, dataDir),
                new MfaPolicy(values.get(ConfigKeys.MFA_MODE), values.get(ConfigKeys.MFA_REMEMBER_DEVICE_DURATION),
                        values.get(ConfigKeys.MFA_WITHOUT_DEVICE)),
                SmtpConfig.from(values),
                values.get(ConfigKeys.SIGV4_CLOCK_SKEW),
                values.get(ConfigKeys.RELYING_PARTY_NAME),
                values.get(ConfigKeys.AUDIT_RETENTION),
                dataDir,
                OperationsConfig.from(values));
    }

    /** The key itself only from the environment: a config file is too easily copied along with the data. */
    private static MasterKeySource masterKey(SettingValues values, Path dataDir) {
        if (values.isSet(ConfigKeys.MASTER_KEY)) {
            values.requireApart(ConfigKeys.MASTER_KEY, ConfigKeys.MASTER_KEY_FILE);
            byte[] key = values.get(ConfigKeys.MASTER_KEY);
            return key == null ? null : new MasterKeySource.Given(ConfigKeys.MASTER_KEY.variable(), key);
        }
        if (values.isSet(ConfigKeys.MASTER_KEY_FILE)) {
            Path file = values.get(ConfigKeys.MASTER_KEY_FILE);
            if (file != null && !Files.isRegularFile(file)) {
                values.problem(ConfigKeys.MASTER_KEY_FILE.label() + " names " + file + ", which does not exist");
            }
            return new MasterKeySource.KeyFile(file, false);
        }
        return MasterKeySource.defaultFile(dataDir);
    }

    /** With what depends on the running machine filled in: see {@link HttpConfig#resolved()}. */
    public GatehouseConfig resolved() {
        return toBuilder().http(http.resolved()).build();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** For tests and the benchmark: a copy with a few components changed. */
    public static final class Builder {

        private HttpConfig http;
        private InstanceConfig instance;
        private DatabaseConfig database;
        private Lifetimes lifetimes;
        private BootstrapAdmin bootstrapAdmin;
        private String adminGroup;
        private MasterKeySource masterKey;
        private MfaPolicy mfa;
        private SmtpConfig smtp;
        private Duration sigV4ClockSkew;
        private Duration auditRetention;
        private String relyingPartyName;
        private final Path dataDir;
        private OperationsConfig operations;

        private Builder(GatehouseConfig from) {
            this.http = from.http;
            this.instance = from.instance;
            this.database = from.database;
            this.lifetimes = from.lifetimes;
            this.bootstrapAdmin = from.bootstrapAdmin;
            this.adminGroup = from.adminGroup;
            this.masterKey = from.masterKey;
            this.mfa = from.mfa;
            this.smtp = from.smtp;
            this.sigV4ClockSkew = from.sigV4ClockSkew;
            this.auditRetention = from.auditRetention;
            this.relyingPartyName = from.relyingPartyName;
            this.dataDir = from.dataDir;
            this.operations = from.operations;
        }

        public Builder http(HttpConfig newHttp) {
            this.http = newHttp;
            return this;
        }

        public Builder instance(InstanceConfig newInstance) {
            this.instance = newInstance;
            return this;
        }

        public Builder database(DatabaseConfig newDatabase) {
            this.database = newDatabase;
            return this;
        }

        public Builder lifetimes(Lifetimes newLifetimes) {
            this.lifetimes = newLifetimes;
            return this;
        }

        public Builder bootstrapAdmin(BootstrapAdmin newBootstrapAdmin) {
            this.bootstrapAdmin = newBootstrapAdmin;
            return this;
        }

        public Builder adminGroup(String newAdminGroup) {
            this.adminGroup = newAdminGroup;
            return this;
        }

        public Builder masterKey(MasterKeySource newMasterKey) {
            this.masterKey = newMasterKey;
            return this;
        }

        public Builder mfa(MfaPolicy newMfa) {
            this.mfa = newMfa;
            return this;
        }

        public Builder smtp(SmtpConfig newSmtp) {
            this.smtp = newSmtp;
            return this;
        }

        public Builder sigV4ClockSkew(Duration newSkew) {
            this.sigV4ClockSkew = newSkew;
            return this;
        }

        public Builder relyingPartyName(String newName) {
            this.relyingPartyName = newName;
            return this;
        }

        public Builder auditRetention(Duration newRetention) {
            this.auditRetention = newRetention;
            return this;
        }

        public Builder operations(OperationsConfig newOperations) {
            this.operations = newOperations;
            return this;
        }

        public GatehouseConfig build() {
            return new GatehouseConfig(http, instance, database, lifetimes, bootstrapAdmin, adminGroup, masterKey, mfa,
                    smtp, sigV4ClockSkew, relyingPartyName, auditRetention, dataDir, operations);
        }
    }
}
