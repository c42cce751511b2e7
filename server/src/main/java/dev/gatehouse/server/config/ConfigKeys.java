package dev.gatehouse.server.config;

import static dev.gatehouse.server.config.ValueTypes.addresses;
import static dev.gatehouse.server.config.ValueTypes.base64Key;
import static dev.gatehouse.server.config.ValueTypes.bool;
import static dev.gatehouse.server.config.ValueTypes.duration;
import static dev.gatehouse.server.config.ValueTypes.httpUrl;
import static dev.gatehouse.server.config.ValueTypes.httpUrls;
import static dev.gatehouse.server.config.ValueTypes.integer;
import static dev.gatehouse.server.config.ValueTypes.jdbcUrl;
import static dev.gatehouse.server.config.ValueTypes.matching;
import static dev.gatehouse.server.config.ValueTypes.oneOf;
import static dev.gatehouse.server.config.ValueTypes.path;
import static dev.gatehouse.server.config.ValueTypes.text;

import dev.gatehouse.core.mfa.MfaPolicy;
import dev.gatehouse.core.retention.Purge;
import dev.gatehouse.core.session.Lifetimes;
import dev.gatehouse.server.http.TrustedProxies;
import dev.gatehouse.server.logging.LogFormat;
import dev.gatehouse.store.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The settings table: every setting Gatehouse reads, in the order docs/configuration.md lists them. A new setting
 * is one row here plus a component of the record it lands in; the loader, its problems and the docs follow.
 * Defaults that core owns ({@link MfaPolicy#DEFAULT}, {@link Lifetimes#defaults()}) are taken from there.
 */
final class ConfigKeys {

    private static final List<Setting<?>> ROWS = new ArrayList<>();

    static final Setting<Path> CONFIG = row(Setting.of("config", path(), null,
            "the config file, in Java properties format").onlyFromEnvironment()
            .withDefaultNote("`<data-dir>/" + ConfigLoader.FILE_NAME + "`"));
    static final Setting<Path> DATA_DIR = row(Setting.of("data-dir", path(), Path.of("data"),
            "where the embedded database, the master key file and the admin socket (`admin.sock`) live; created"
                    + " 0700, its files 0600")
            .withDefaultNote("(the launcher: `<checkout>/data`)"));

    static final Setting<Integer> PORT = row(Setting.of("port", integer(0, 65535), 8080,
            "the port to listen on (HTTPS with `tls-cert-file`); `0` picks a free one"));
    static final Setting<String> BIND_ADDRESS = row(Setting.of("bind-address", text(), "0.0.0.0",
            "address to listen on"));
    static final Setting<String> PUBLIC_URL = row(Setting.of("public-url", httpUrl(), null,
            "how clients reach Gatehouse; `https` makes cookies `Secure` and adds HSTS")
            .withDefaultNote("`http://localhost:<port>` (`https://` with `tls-cert-file`)"));

    static final Setting<TrustedProxies> TRUSTED_PROXIES = row(Setting.of("trusted-proxies", addresses(),
            TrustedProxies.NONE, "reverse proxies (IP addresses or CIDR blocks, comma-separated) whose "
                    + "`X-Forwarded-For` names the client: the rightmost address in it that is not one of them is the "
                    + "source address the audit trail records and the per-address limits count "
                    + "([security.md](security.md#3-unauthenticated-storage-exhaustion)), and whose `X-Forwarded-Proto: http` "
                    + "is redirected to an https public URL ([operations.md](operations.md#behind-a-reverse-proxy)); "
                    + "by default the connection's peer is, and both headers are ignored"));

    static final Setting<Path> TLS_CERT_FILE = row(Setting.of("tls-cert-file", path(), null,
            "serve HTTPS (TLS 1.2 and 1.3) on `port` with this PEM certificate chain: the server certificate first, "
                    + "then intermediates; re-read when it changes ([operations.md](operations.md#tls))"));
    static final Setting<Path> TLS_KEY_FILE = row(Setting.of("tls-key-file", path(), null,
            "its private key in PEM (PKCS#8 `BEGIN PRIVATE KEY`, or `BEGIN RSA/EC PRIVATE KEY`), not encrypted; "
                    + "both or neither"));
    static final Setting<Integer> TLS_REDIRECT_PORT = row(Setting.of("tls-redirect-port", integer(1, 65535), null,
            "a plain-HTTP port that answers every request with a redirect to the same path under the https "
                    + "public URL; with the TLS files only"));

    static final Setting<String> REGION = row(Setting.of("region",
            matching("[a-z]{2}(-[a-z]+)+-\\d", "a region name such as us-east-1"), "us-east-1",
            "the region the instance reports"));
    static final Setting<List<String>> START_URL_ALIASES = row(Setting.of("start-url-aliases", httpUrls(),
            List.of(), "start URLs accepted besides `<public-url>/start`"));
    static final Setting<Duration> PORTAL_SESSION_DURATION = row(Setting.of("portal-session-duration",
            duration(Duration.ofMinutes(15), Duration.ofDays(90)), Lifetimes.defaults().portalSession(),
            "a sign-in's lifetime; bounds every refresh"));

    // Secret, as a JDBC URL may hold the password.
    static final Setting<String> DB_URL = row(Setting.of("db.url", jdbcUrl(), null,
            "the database: PostgreSQL in production").asSecret().withDefaultNote("embedded H2 in `<data-dir>`"));
    static final Setting<String> DB_USER = row(Setting.of("db.user", text(), null,
            "the database user, with `db.url`"));
    static final Setting<String> DB_PASSWORD = row(Setting.of("db.password", text(), null,
            "the database password, with `db.url`; never logged").asSecret());

    static final Setting<Database.Caching> CACHE = row(Setting.of("cache",
            oneOf(Database.Caching.values(), caching -> caching.name().toLowerCase(Locale.ROOT)),
            Database.Caching.ON, "cache sessions, users, assignments, permission sets, clients and the identity "
                    + "source, invalidated at once on this node and through PostgreSQL `LISTEN/NOTIFY` on the others "
                    + "([architecture.md](architecture.md#caches)); `off` reads the database on every call"));

    static final Setting<String> BOOTSTRAP_ADMIN_USERNAME = row(Setting.of("bootstrap-admin.username", text(), null,
            "an administrator created on start if missing"));
    static final Setting<String> BOOTSTRAP_ADMIN_PASSWORD = row(Setting.of("bootstrap-admin.password", text(), null,
            "that administrator's password; both or neither").asSecret());
    static final Setting<String> ADMIN_GROUP = row(Setting.of("admin-group", text(), null,
            "a group (by name, any case) whose members may use the admin console ([console.md](console.md)), "
                    + "besides users with the administrator flag"));

    static final Setting<byte[]> MASTER_KEY = row(Setting.of("master-key", base64Key(), null,
            "the master key (`openssl rand -base64 32`, [keys.md](keys.md)); environment only, never in the file")
            .onlyFromEnvironment().asSecret());
    static final Setting<Path> MASTER_KEY_FILE = row(Setting.of("master-key-file", path(), null,
            "a file holding the master key (base64 text or 32 raw bytes); excludes `" + MASTER_KEY.variable() + "`")
            .withDefaultNote("`<data-dir>/" + MasterKeySource.DEFAULT_FILE_NAME + "`"));

    static final Setting<MfaPolicy.Mode> MFA_MODE = row(Setting.of("mfa-mode",
            oneOf(MfaPolicy.Mode.values(), MfaPolicy.Mode::configName), MfaPolicy.DEFAULT.mode(),
            "when sign-in asks for a second factor; with `context-aware` a browser that passed MFA skips it for a "
                    + "while ([mfa.md](mfa.md))"));
    static final Setting<Duration> MFA_REMEMBER_DEVICE_DURATION = row(Setting.of("mfa-remember-device-duration",
            duration(MfaPolicy.MIN_REMEMBER, MfaPolicy.MAX_REMEMBER), MfaPolicy.DEFAULT.rememberBrowser(),
            "how long `context-aware` remembers a browser"));
    static final Setting<MfaPolicy.WithoutDevice> MFA_WITHOUT_DEVICE = row(Setting.of("mfa-without-device",
            oneOf(MfaPolicy.WithoutDevice.values(), MfaPolicy.WithoutDevice::configName),
            MfaPolicy.DEFAULT.withoutDevice(),
            "a user with no MFA device: `enrol` one at sign-in, `block` the sign-in, or `allow` the password alone"));
    static final Setting<String> RELYING_PARTY_NAME = row(Setting.of("relying-party-name", text(), "Gatehouse",
            "the name passkeys and security keys show for this instance (WebAuthn's relying-party name)"));

    static final Setting<String> SMTP_HOST = row(Setting.of("smtp-host", text(), null,
            "the mail server that sends forgotten-password and activation links; without it `/forgot` says to ask an "
                    + "administrator ([security.md](security.md#forgotten-passwords))"));
    static final Setting<Integer> SMTP_PORT = row(Setting.of("smtp-port", integer(1, 65535), null,
            "its port").withDefaultNote("`" + SmtpConfig.usualPort(true) + "` (`" + SmtpConfig.usualPort(false)
            + "` without STARTTLS)"));
    static final Setting<String> SMTP_FROM = row(Setting.of("smtp-from",
            matching("[^@\\s]+@[^@\\s]+", "an email address such as sso@example.com"), null,
            "the sender address; required with `smtp-host`"));
    static final Setting<String> SMTP_USERNAME = row(Setting.of("smtp-username", text(), null,
            "to sign in to the mail server"));
    static final Setting<String> SMTP_PASSWORD = row(Setting.of("smtp-password", text(), null,
            "its password; both or neither; never logged").asSecret());
    static final Setting<Boolean> SMTP_STARTTLS = row(Setting.of("smtp-starttls", bool(), true,
            "upgrade with STARTTLS and refuse to send without it; `false` only for a relay on a trusted network"));

    static final Setting<Duration> SIGV4_CLOCK_SKEW = row(Setting.of("sigv4-clock-skew",
            duration(Duration.ofMinutes(1), Duration.ofHours(1)), Duration.ofMinutes(15),
            "how far the time a SigV4 request was signed may be from the server's clock, either way"));

    static final Setting<Duration> AUDIT_RETENTION = row(Setting.of("audit-retention",
            duration(Duration.ofDays(1), Duration.ofDays(3650)), Purge.DEFAULT_AUDIT_RETENTION,
            "how long audit events are kept; the hourly purge deletes older ones (and whatever else has ended:"
                    + " expired sessions, tokens, codes, links and sign-ins, a day after their end)"));

    static final Setting<Boolean> SETUP_FROM_ANY_ADDRESS = row(Setting.of("setup-from-any-address", bool(), false,
            "let the first-start setup link (logged when there is no administrator) be opened from any address, not "
                    + "only from the server's own machine ([operations.md](operations.md#first-start))"));

    static final Setting<String> METRICS_TOKEN = row(Setting.of("metrics-token", text(), null,
            "the bearer token a Prometheus scraper sends to `GET /metrics` (`openssl rand -hex 32`); without it there "
                    + "is no `/metrics` ([operations.md](operations.md#metrics)); never logged").asSecret());

    static final Setting<LogFormat> LOG_FORMAT = row(Setting.of("log-format",
            oneOf(LogFormat.values(), LogFormat::configName), LogFormat.PLAIN,
            "`plain` lines for people, or `json`: one object per line for a log collector "
                    + "([operations.md](operations.md#logs))"));
    static final Setting<String> LOG_LEVEL = row(Setting.of("log-level",
            oneOf(new String[] {"error", "warn", "info", "debug", "trace"}, level -> level), "info",
            "the lowest level logged; `info` includes one line per request, `warn` leaves them out"));

    /** Every row, in table order. */
    static final List<Setting<?>> ALL = Collections.unmodifiableList(ROWS);

    private ConfigKeys() {
    }

    private static <T> Setting<T> row(Setting<T> setting) {
        ROWS.add(setting);
        return setting;
    }
}
